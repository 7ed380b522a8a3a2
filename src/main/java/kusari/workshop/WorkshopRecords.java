package kusari.workshop;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kusari.change.Kind;
import kusari.change.Kinds;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.journey.JourneyQueries;
import kusari.journey.Step;

/** Reads a workshop's record: its cards by step, their votes, authors (named workshops only) and what they became. */
public final class WorkshopRecords {

    private final Database database;
    private final WorkshopRepository workshops;
    private final JourneyQueries journeys;
    private final Kinds kinds;

    public WorkshopRecords(WorkshopRepository workshops, JourneyQueries journeys, Kinds kinds) {
        this.database = workshops.database();
        this.workshops = workshops;
        this.journeys = journeys;
        this.kinds = kinds;
    }

    /** The workshops of a workspace, newest first, with the title of each one's journey. */
    public record Listed(Workshop workshop, String journeySlug, String journeyTitle, int cards, int participants) {
    }

    public List<Listed> list(long workspaceId) {
        return database.read(c -> Sql.query(c, """
                SELECT w.id, j.slug, j.title,
                       (SELECT COUNT(*) FROM workshop_card k WHERE k.workshop_id = w.id AND k.withdrawn = 0),
                       (SELECT COUNT(*) FROM workshop_participant p WHERE p.workshop_id = w.id)
                FROM workshop w JOIN journey j ON j.id = w.journey_id
                WHERE w.workspace_id = ? ORDER BY COALESCE(w.held_on, substr(w.created_at, 1, 10)) DESC, w.id DESC""",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)},
                workspaceId))
                .stream()
                .map(r -> new Listed(workshops.find(workspaceId, (long) r[0]).orElseThrow(), (String) r[1],
                        (String) r[2], (int) r[3], (int) r[4]))
                .toList();
    }

    public Optional<WorkshopRecord> find(long workspaceId, String workspaceSlug, long id) {
        return workshops.find(workspaceId, id).map(w -> read(w, workspaceSlug));
    }

    private WorkshopRecord read(Workshop w, String workspaceSlug) {
        List<Step> steps = journeys.findSteps(w.journeyId());
        return database.read(c -> {
            String[] journey = Sql.queryOne(c, "SELECT slug, title FROM journey WHERE id = ?",
                    rs -> new String[] {rs.getString(1), rs.getString(2)}, w.journeyId()).orElse(new String[] {"", ""});
            int participants = (int) Sql.queryLong(c,
                    "SELECT COUNT(*) FROM workshop_participant WHERE workshop_id = ?", w.id());
            Map<Integer, List<WorkshopRecord.CardLine>> byStep = new LinkedHashMap<>();
            for (Card k : workshops.cards(c, w.id())) {
                if (k.withdrawn()) {
                    continue;
                }
                String[] became = became(c, workspaceSlug, k.became());
                byStep.computeIfAbsent(k.step(), s -> new ArrayList<>()).add(new WorkshopRecord.CardLine(k.id(),
                        k.step(), k.kind(), k.text(), k.emotion(), k.votes(), k.hidden(), k.author(), became[0], became[1],
                        k.createdAt()));
            }
            List<WorkshopRecord.StepCards> out = new ArrayList<>();
            for (Step s : steps) {
                out.add(new WorkshopRecord.StepCards(s.position(), s.title(),
                        byStep.getOrDefault(s.position(), List.of())));
            }
            // cards on a position the journey no longer has (a step deleted since) stay on the record, untitled
            byStep.keySet().stream().filter(p -> p > steps.size()).sorted()
                    .forEach(p -> out.add(new WorkshopRecord.StepCards(p, "", byStep.get(p))));
            return new WorkshopRecord(w, journey[0], journey[1], participants, out);
        });
    }

    /**
     * What a card became, {@code to:changeId} as the promotion recorded it (or {@code to} alone, from a data file):
     * the kind of thing and, when the change's entity still exists, its page.
     */
    private String[] became(Connection c, String workspaceSlug, String became) throws SQLException {
        if (became == null || became.isBlank()) {
            return new String[] {"", null};
        }
        int colon = became.indexOf(':');
        String to = colon < 0 ? became : became.substring(0, colon);
        String href = null;
        if (colon > 0) {
            try {
                long change = Long.parseLong(became.substring(colon + 1));
                Optional<Object[]> entity = Sql.queryOne(c, "SELECT entity, entity_id FROM change_log WHERE id = ?",
                        rs -> new Object[] {rs.getString(1), Sql.getLong(rs, "entity_id")}, change);
                if (entity.isPresent() && entity.get()[1] != null) {
                    Optional<Kind> kind = kinds.byName((String) entity.get()[0]);
                    long entityId = (Long) entity.get()[1];
                    if (kind.isPresent() && kind.get().viewer() != null && Sql.queryLong(c, "SELECT COUNT(*) FROM "
                            + kind.get().table() + " WHERE id = ?", entityId) > 0) {
                        href = kind.get().viewer().url(c, workspaceSlug, entityId);
                    }
                }
            } catch (NumberFormatException e) {
                // a became without a change id (from a data file) names the kind only
            }
        }
        return new String[] {to, href};
    }
}
