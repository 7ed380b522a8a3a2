package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import kusari.ApiClient;
import kusari.ApiClient.Answer;
import kusari.Http;
import kusari.Kusari;
import kusari.TestApp;
import kusari.bench.SyntheticWorkspace;
import kusari.core.AppConfig;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The yearly review grid of a workspace with more indicators and projects than a page holds: 200 rows a page (or
 * one group), saying which part; a save takes only the page's cells and comes back to the same page, and a refused
 * save shows the same page with what was typed. 450 indicators and 250 projects.
 */
class ReviewGridPagingTest {

    @TempDir
    Path dir;
    Database db;
    Javalin app;
    ApiClient api;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("review.db"));
        Migrations.apply(db);
        SyntheticWorkspace.generate(db, "many", new SyntheticWorkspace.Size(5, 3, 60, 250, 450, 4, 3));
        app = Kusari.create(new AppConfig(0, db.file(), TestApp.PROJECT_DIR, false), db).start(0);
        api = ApiClient.signedIn(app.port(), db);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void theGridShowsTwoHundredRowsAPageAndSaysWhichPart() {
        String html = api.get("/w/many/review/2022").text();
        assertEquals(200, Http.count(html, "<tr data-indicator="));
        assertTrue(Http.text(html).contains("指標が 450 件あるため、入力表は 200 件ずつ表示しています。いまは 1〜200 件目です"
                + "（全 3 ページ中 1 ページ目）。保存すると、表示している値だけを保存します。"), html);
        assertTrue(html.contains("data-testid=\"review-pager-groups\""), "the groups to choose from");
        String last = api.get("/w/many/review/2022?page=3").text();
        assertEquals(50, Http.count(last, "<tr data-indicator="));
        assertTrue(last.contains("name=\"page\" value=\"3\""), "the form carries its page");
        Answer beyond = api.get("/w/many/review/2022?page=4");
        assertEquals(400, beyond.status());
        assertTrue(Http.text(beyond.text()).contains("page=4 のページはありません（全 3 ページ）"));
        assertEquals(400, api.get("/w/many/review/2022?page=0").status());
        assertEquals(400, api.get("/w/many/review/2022?group=nowhere").status());
    }

    @Test
    void savingAPageSavesOnlyItsCellsAndComesBackToIt() {
        String second = api.get("/w/many/review/2022?page=2").text();
        List<String> ids = Http.all(second, "name=\"cells\\[\\d+]\\.indicator\" value=\"(\\d+)\"");
        assertEquals(200, ids.size());
        long stored = count("SELECT COUNT(*) FROM actual WHERE fiscal_year = 2022");
        Answer saved = api.postForm("/w/many/review/2022", row(second, 0, "12345.5", "page", "2"));
        assertEquals(303, saved.status(), saved.text());
        assertEquals("/w/many/review/2022?page=2&saved=1", saved.location());
        assertEquals(1L, count("SELECT COUNT(*) FROM actual WHERE fiscal_year = 2022 AND value = 12345.5 AND indicator_id = "
                + ids.get(0)));
        assertEquals(stored, count("SELECT COUNT(*) FROM actual WHERE fiscal_year = 2022"), "no other cell changed");
        String back = Http.text(api.get(saved.location()).text());
        assertTrue(back.contains("1件の値を保存しました"), back);
        assertTrue(back.contains("いまは 201〜400 件目です"), "the same page");
    }

    @Test
    void aRefusedSaveShowsTheSamePageWithWhatWasTyped() {
        String second = api.get("/w/many/review/2022?page=2").text();
        Answer refused = api.postForm("/w/many/review/2022", row(second, 0, "not a number", "page", "2"));
        assertEquals(422, refused.status());
        assertTrue(Http.text(refused.text()).contains("いまは 201〜400 件目です"), "the page it was made on");
        assertTrue(refused.text().contains("value=\"not a number\""), "what was typed stays");
        assertEquals(200, Http.count(refused.text(), "<tr data-indicator="));
    }

    @Test
    void oneGroupIsShownAndASaveComesBackToIt() {
        String html = api.get("/w/many/review/2022?group=challenges").text();
        assertTrue(Http.text(html).contains("の指標"), html);
        assertTrue(Http.text(html).matches(".*」の指標 \\d+ 件を表示しています。.*保存すると、表示している値だけを保存します。.*"), html);
        assertTrue(html.contains("name=\"group\" value=\"challenges\""), "the form carries its group");
        Answer saved = api.postForm("/w/many/review/2022", row(html, 0, "7.25", "group", "challenges", "page", "1"));
        assertEquals(303, saved.status(), saved.text());
        assertEquals("/w/many/review/2022?group=challenges&saved=1", saved.location());
    }

    @Test
    void theProjectsSectionIsPagedToo() {
        String html = api.get("/w/many/review/2022").text();
        assertTrue(Http.text(html).contains("事業が 250 件あるため、200 件ずつ表示しています。いまは 1〜200 件目です"), html);
        String second = api.get("/w/many/review/2022?projectPage=2").text();
        assertTrue(Http.text(second).contains("いまは 201〜250 件目です"));
        assertEquals(400, api.get("/w/many/review/2022?projectPage=3").status());
        assertNull(api.get("/w/many/review/2022?projectPage=2").location());
    }

    @Test
    void theYearsReportIsPrintedAPartAtATimeAndSaysSo() {
        String html = api.get("/w/many/review/2022/report").text();
        assertEquals(200, Http.count(html, "<tr data-indicator="));
        assertTrue(Http.text(html).contains("指標が 450 件あるため、報告は 200 件ずつ表示・印刷します。いまは 1〜200 件目です"), html);
        assertEquals(50, Http.count(api.get("/w/many/review/2022/report?page=3").text(), "<tr data-indicator="));
        assertEquals(400, api.get("/w/many/review/2022/report?page=4").status());
        assertTrue(Http.text(html).contains("事業が 250 件あるため"), "the projects' reviews are paged too");
    }

    /** The form fields of the {@code n}th row of a grid page with its value replaced, then {@code extra} pairs. */
    private static String[] row(String html, int n, String value, String... extra) {
        String index = Http.all(html, "name=\"cells\\[(\\d+)]\\.indicator\"").get(n);
        String p = "cells[" + index + "].";
        List<String> fields = new java.util.ArrayList<>();
        for (String name : List.of("indicator", "version", "seen")) {
            fields.add(p + name);
            fields.add(Http.all(html, "name=\"cells\\[" + index + "]\\." + name + "\" value=\"([^\"]*)\"").get(0)
                    .replace("&#31;", "\u001f").replace("&amp;", "&"));
        }
        fields.addAll(List.of(p + "state", "ACTUAL", p + "value", value, p + "dataDate", "", p + "source", "",
                p + "note", ""));
        fields.addAll(List.of(extra));
        return fields.toArray(String[]::new);
    }

    private long count(String sql) {
        return db.read(c -> Sql.queryLong(c, sql));
    }
}
