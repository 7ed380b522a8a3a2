package kusari.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kusari.EditKinds;
import kusari.TestApp;
import kusari.actor.ActorKinds;
import kusari.actor.ActorRepository;
import kusari.actor.ActorService;
import kusari.change.EditService;
import kusari.change.SearchIndex;
import kusari.core.ConflictException;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.indicator.IndicatorRepository;
import kusari.journey.JourneyKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search index over a fresh copy of the sample: what it finds, and that every change keeps it current. */
class SearchIndexTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    @TempDir
    Path dir;
    Database db;
    EditService edits;
    SearchService search;
    Workspace ws;

    @BeforeEach
    void load() {
        db = TestApp.freshSampleDatabase(dir);
        SearchIndex.declare(SearchKinds.ALL);
        SearchIndex.ensureBuilt(db);
        edits = new EditService(db, EditKinds.all());
        search = new SearchService(db, edits.kinds());
        ws = new WorkspaceRepository(db).findBySlug("omitama").orElseThrow();
    }

    private List<String> found(String q) {
        return search.search(ws, q, 0, 100).hits().stream().map(h -> h.kind() + ":" + h.title().plain()).toList();
    }

    private long stepId(String journey, int position) {
        return db.<Long>read(c -> Sql.queryLong(c, "SELECT s.id FROM step s JOIN journey j ON j.id = s.journey_id"
                + " WHERE j.workspace_id = ? AND j.slug = ? AND s.position = ?", ws.id(), journey, position));
    }

    @Test
    void aWordOfThreeCharactersAndMoreFindsEveryKindItOccursInRankedAndMarked() {
        SearchResults r = search.search(ws, "子育てアプリ", 0, 100);
        assertTrue(r.total() > 0);
        assertEquals(r.total(), r.hits().size());
        assertTrue(found("子育てアプリ").contains("challenge:2. 子育てアプリが知られていない"), found("子育てアプリ").toString());
        SearchHit first = r.hits().get(0);
        assertTrue(first.title().hasMatch(), "a title holding the words ranks first: " + first);
        assertTrue(r.hits().stream().allMatch(h -> h.href().startsWith("/w/omitama/")), r.hits().toString());
        SearchHit challenge = r.hits().stream().filter(h -> h.kind().equals("challenge")).findFirst().orElseThrow();
        assertEquals("2", challenge.key());
        assertEquals("/w/omitama/challenges/2", challenge.href());
        assertEquals("子育てアプリ", challenge.title().pieces().stream().filter(Marked.Piece::match)
                .findFirst().orElseThrow().text());
    }

    @Test
    void japaneseQueriesOfOneAndTwoCharactersAreAnsweredToo() {
        List<String> two = found("民泊");
        assertFalse(two.isEmpty());
        SearchResults twoResults = search.search(ws, "民泊", 0, 100);
        assertTrue(twoResults.hits().stream().allMatch(h -> h.title().hasMatch() || h.snippet().hasMatch()),
                "every result holds the two characters");
        int likeCount = db.read(c -> (int) Sql.queryLong(c, "SELECT COUNT(*) FROM search_doc WHERE workspace_id = ?"
                + " AND (title LIKE '%民泊%' OR body LIKE '%民泊%')", ws.id()));
        assertEquals(likeCount, twoResults.total(), "the pair index finds exactly what a LIKE scan finds");

        SearchResults one = search.search(ws, "課", 0, 100);
        int likeOne = db.read(c -> (int) Sql.queryLong(c, "SELECT COUNT(*) FROM search_doc WHERE workspace_id = ?"
                + " AND (title LIKE '%課%' OR body LIKE '%課%')", ws.id()));
        assertEquals(likeOne, one.total());
        assertTrue(one.hits().stream().anyMatch(h -> h.kind().equals("actor")), "departments end in 課");
    }

    @Test
    void foldingFindsFullWidthAndHalfWidthForms() {
        assertEquals(search.search(ws, "アプリ", 0, 100).total(), search.search(ws, "ｱﾌﾟﾘ", 0, 100).total());
        assertTrue(search.search(ws, "ｱﾌﾟﾘ", 0, 100).total() > 0);
    }

    @Test
    void allWordsMustOccur() {
        int both = search.search(ws, "子育て アプリ", 0, 100).total();
        assertTrue(both > 0);
        assertTrue(both <= search.search(ws, "子育て", 0, 100).total());
        assertEquals(0, search.search(ws, "子育て ニャン泊ではない言葉", 0, 100).total());
    }

    @Test
    void anEditIsFoundAtOnceAndTheOldTextNoMore() {
        long id = stepId("b", 2);
        JsonNode before = edits.find(ws.id(), JourneyKinds.STEP, id).orElseThrow();
        String oldTitle = before.get("title").asText();
        edits.update(ws.id(), JourneyKinds.STEP, id, before.get("version").asLong(),
                Map.of("title", J.textNode("窓口でかささぎに相談する"), "painPoint", J.textNode("かささぎの橋がない")));
        assertEquals(List.of("step:窓口でかささぎに相談する"), found("かささぎ"));
        assertTrue(found("ささ").contains("step:窓口でかささぎに相談する"), "two characters");
        assertTrue(found(oldTitle).stream().noneMatch(s -> s.equals("step:" + oldTitle)), found(oldTitle).toString());
    }

    @Test
    void aRefusedChangeLeavesTheIndexAsItWas() {
        long id = stepId("b", 2);
        JsonNode before = edits.find(ws.id(), JourneyKinds.STEP, id).orElseThrow();
        assertThrows(ConflictException.class, () -> edits.update(ws.id(), JourneyKinds.STEP, id,
                before.get("version").asLong() + 5, Map.of("title", J.textNode("かささぎ"))));
        assertThrows(ValidationException.class, () -> edits.update(ws.id(), JourneyKinds.STEP, id,
                before.get("version").asLong(), Map.of("title", J.textNode("かささぎ"), "emotionScore", J.numberNode(9))));
        assertEquals(List.of(), found("かささぎ"));
    }

    @Test
    void aDeletedJourneyTakesItsStepsAndActionsOutAndUndoingPutsThemBack() {
        long journey = db.<Long>read(c -> Sql.queryLong(c, "SELECT id FROM journey WHERE workspace_id = ? AND slug = 'd'",
                ws.id()));
        int withD = search.search(ws, "民泊", 0, 100).total();
        assertTrue(withD > 0);
        EditService.Saved deleted = edits.delete(ws.id(), JourneyKinds.JOURNEY, journey, null);
        int without = search.search(ws, "民泊", 0, 100).total();
        assertTrue(without < withD, without + " < " + withD);
        long orphans = db.<Long>read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM search_doc d WHERE d.kind = 'step'"
                + " AND NOT EXISTS (SELECT 1 FROM step s WHERE s.id = d.ref)"));
        assertEquals(0, orphans, "no step of the deleted journey is still found");
        edits.revert(ws.id(), deleted.changeId());
        assertEquals(withD, search.search(ws, "民泊", 0, 100).total());
    }

    @Test
    void anActorIsFoundByItsFormerNames() {
        long created = edits.create(ws.id(), ActorKinds.ACTOR, Map.of("name", J.textNode("移住定住課"),
                "kind", J.textNode("GOVERNMENT")), null).state().get("id").asLong();
        new ActorService(db, new ActorRepository(db), new IndicatorRepository(db))
                .rename(ws, created, new ActorService.Rename("定住推進課", "2022", "1"));
        assertEquals(List.of("actor:定住推進課"), found("移住定住課"), "its former name finds it under its new");
        assertTrue(found("定住推進").contains("actor:定住推進課"));
    }

    @Test
    void aRebuildGivesTheSameRowsAsTheChangesLeft() {
        long id = stepId("b", 3);
        JsonNode before = edits.find(ws.id(), JourneyKinds.STEP, id).orElseThrow();
        edits.update(ws.id(), JourneyKinds.STEP, id, before.get("version").asLong(),
                Map.of("emotionText", J.textNode("うれしいかささぎ")));
        List<String> kept = db.read(c -> Sql.query(c, "SELECT kind || ref || title || body FROM search_doc"
                + " WHERE workspace_id = ? ORDER BY kind, ref", rs -> rs.getString(1), ws.id()));
        db.inTransaction(c -> {
            SearchIndex.rebuild(c, ws.id());
            return null;
        });
        assertEquals(kept, db.read(c -> Sql.query(c, "SELECT kind || ref || title || body FROM search_doc"
                + " WHERE workspace_id = ? ORDER BY kind, ref", rs -> rs.getString(1), ws.id())));
        assertEquals(List.of("step:" + before.get("title").asText()), found("かささぎ"));
    }

    @Test
    void tooLongAQueryIsRefusedWithAMessage() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> search.search(ws, "あ".repeat(101), 0, 10));
        assertEquals("search.tooLong", e.errors().get(0).messageKey());
        assertEquals(0, search.search(ws, "   ", 0, 10).total());
        assertEquals(0, search.search(ws, "\"", 0, 10).total(), "a quote alone is no error");
    }
}
