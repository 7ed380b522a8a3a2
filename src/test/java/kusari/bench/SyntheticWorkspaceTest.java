package kusari.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator makes what its size says, and the benchmark runs on a tiny size (the real one is run by hand). */
class SyntheticWorkspaceTest {

    @Test
    void aTinyWorkspaceHasTheRequestedSizeAndTheBenchmarkRunsOnIt(@TempDir Path dir) {
        Database db = Database.open(dir.resolve("tiny.db"));
        Migrations.apply(db);
        SyntheticWorkspace.Size size = SyntheticWorkspace.Size.scaled(0.01);
        SyntheticWorkspace.generate(db, "bench", size);
        assertEquals(10, size.personas());
        assertEquals(size.personas(), (long) db.read(c -> Sql.queryLong(c, "SELECT count(*) FROM persona")));
        assertEquals(size.steps(), (long) db.read(c -> Sql.queryLong(c, "SELECT count(*) FROM step")));
        assertEquals(size.projects(), (long) db.read(c -> Sql.queryLong(c, "SELECT count(*) FROM project")));
        assertEquals(size.indicators(), (long) db.read(c -> Sql.queryLong(c, "SELECT count(*) FROM indicator")));

        List<TraceBenchmark.Result> results = TraceBenchmark.run(db, 3);
        assertEquals("baseline: project by code", results.get(0).name());
        assertEquals(8, results.size());
        for (TraceBenchmark.Result r : results) {
            assertTrue(r.medianMillis() > 0, r.toString());
        }
        assertFalse(results.get(5).note().startsWith("0 "), "the synthetic workspace has breaks: " + results.get(5));
    }
}
