package kusari.search;

import java.util.List;
import kusari.change.Findable;
import kusari.web.Links;

/**
 * What the search finds, one declaration per kind: the edit kind's name (its key and its page come from the edit
 * declaration), the title and the other text each row is found by, and where it sits. To make another kind
 * findable (the workshop's cards), add one {@link Findable} to {@link #ALL}; the next start indexes every
 * workspace with it, and from then on every change keeps it current.
 */
public final class SearchKinds {

    public static final Findable PERSONA = Findable.of("persona", """
            SELECT p.id, p.workspace_id, p.label AS title,
                   concat_ws(' ', p.tagline, p.profile, p.story,
                             (SELECT group_concat(a.text, ' ') FROM persona_attribute a WHERE a.persona_id = p.id)) AS body
            FROM persona p""");

    public static final Findable JOURNEY = Findable.of("journey", """
            SELECT j.id, j.workspace_id, j.title, '' AS body FROM journey j""")
            .place("SELECT p.label FROM journey j JOIN persona p ON p.id = j.persona_id WHERE j.id = ?");

    public static final Findable STEP = Findable.of("step", """
            SELECT s.id, j.workspace_id, s.title, concat_ws(' ', s.emotion_text, s.pain_point) AS body
            FROM step s JOIN journey j ON j.id = s.journey_id""")
            .place("""
                    SELECT p.label || ' · ' || j.title FROM step s JOIN journey j ON j.id = s.journey_id
                    JOIN persona p ON p.id = j.persona_id WHERE s.id = ?""");

    public static final Findable ACTION = Findable.of("action", """
            SELECT a.id, j.workspace_id, a.text AS title, '' AS body
            FROM action a JOIN step s ON s.id = a.step_id JOIN journey j ON j.id = s.journey_id""")
            .place("""
                    SELECT concat_ws(' · ', p.label || ' · ' || s.title,
                                     (SELECT group_concat(x.name, '、') FROM action_actor aa JOIN actor x ON x.id = aa.actor_id
                                      WHERE aa.action_id = a.id))
                    FROM action a JOIN step s ON s.id = a.step_id JOIN journey j ON j.id = s.journey_id
                    JOIN persona p ON p.id = j.persona_id WHERE a.id = ?""");

    /** An actor is found by its current name and every former one (a department renamed in a reform). */
    public static final Findable ACTOR = Findable.of("actor", """
            SELECT x.id, x.workspace_id, x.name AS title,
                   coalesce((SELECT group_concat(n.name, ' ') FROM actor_name n
                             WHERE n.actor_id = x.id AND n.name <> x.name), '') AS body
            FROM actor x""");

    public static final Findable CHALLENGE = Findable.of("challenge", """
            SELECT c.id, c.workspace_id, c.number || '. ' || c.title AS title,
                   concat_ws(' ',
                             (SELECT group_concat(e.text, ' ') FROM challenge_evidence e WHERE e.challenge_id = c.id),
                             (SELECT group_concat(a.text, ' ') FROM challenge_approach a WHERE a.challenge_id = c.id)) AS body
            FROM challenge c""");

    public static final Findable FRAMEWORK_NODE = Findable.of("framework_node", """
            SELECT n.id, n.workspace_id, n.code || ' ' || n.title AS title, n.description AS body
            FROM framework_node n""");

    public static final Findable PROJECT = Findable.of("project", """
            SELECT p.id, p.workspace_id, p.code || ' ' || p.name AS title, p.description AS body FROM project p""");

    public static final Findable INDICATOR = Findable.of("indicator", """
            SELECT i.id, i.workspace_id, i.name AS title,
                   concat_ws(' ', i.baseline_text, i.baseline_source, i.target_text) AS body
            FROM indicator i""");

    /**
     * A workshop's card, found by its words and shown on its workshop's record. Withdrawn cards (taken back by their
     * authors) and hidden ones (moderated) are not found. The room writes cards past the change history, so the
     * workshop keeps their rows current itself ({@code SearchIndex.reindex} in the card's own transaction).
     */
    public static final Findable CARD = Findable.of("card", """
            SELECT k.id, w.workspace_id, k.text AS title, '' AS body
            FROM workshop_card k JOIN workshop w ON w.id = k.workshop_id
            WHERE k.withdrawn = 0 AND k.hidden = 0""")
            .place("""
                    SELECT w.title || ' · ' || coalesce((SELECT s.title FROM step s WHERE s.journey_id = w.journey_id
                                                         AND s.position = k.step_position), '')
                    FROM workshop_card k JOIN workshop w ON w.id = k.workshop_id WHERE k.id = ?""")
            .shownAt((c, ws, id) -> kusari.db.Sql.queryOne(c, "SELECT workshop_id FROM workshop_card WHERE id = ?",
                    rs -> Links.workshopCard(ws, rs.getLong(1), id), id).orElse(Links.workshops(ws)));

    /** Every kind the search finds, in the order their groups are named when ranks tie. */
    public static final List<Findable> ALL = List.of(PERSONA, JOURNEY, STEP, ACTION, ACTOR, CHALLENGE, FRAMEWORK_NODE,
            PROJECT, INDICATOR, CARD);

    private SearchKinds() {
    }
}
