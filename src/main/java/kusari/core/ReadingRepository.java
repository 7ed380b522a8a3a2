package kusari.core;

import java.util.List;
import kusari.db.Database;
import kusari.db.Sql;

/**
 * The transcriber's readings: what was interpreted where the source document is silent. Pages show them so that a
 * planner can tell the document's words from someone's reading of them.
 */
public final class ReadingRepository {

    private final Database database;

    public ReadingRepository(Database database) {
        this.database = database;
    }

    /** Readings of one subject; {@code subjectType} is PERSONA, JOURNEY, CHALLENGE or PROJECT. */
    public List<String> find(String subjectType, long subjectId) {
        return database.read(c -> Sql.query(c, """
                SELECT text FROM reading WHERE subject_type = ? AND subject_id = ? ORDER BY position""",
                rs -> rs.getString(1), subjectType, subjectId));
    }
}
