package kusari.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import kusari.Http;
import kusari.TestApp;
import org.junit.jupiter.api.Test;

class HomePagesTest {

    @Test
    void theRootRedirectsToTheOnlyWorkspace() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/");
            assertEquals(303, res.code());
            assertEquals("/w/omitama", res.headers().get("Location").get(0));
        });
    }

    @Test
    void theHomePageShowsTheStrategyAtAGlance() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/w/omitama");
            assertEquals(200, res.code());
            String html = res.body().string();
            assertTrue(html.contains("<html lang=\"ja\">"));
            assertTrue(html.contains("ダイヤモンドシティ・プロジェクト"));
            assertEquals(List.of("令和2年度〜令和6年度（2020〜2024年度）"),
                    Http.all(html, "data-testid=\"plan-period\">(.*?)</strong>"));
            assertEquals(4, Http.count(html, "data-testid=\"policy-field\""));
            assertTrue(html.contains("恋も子育てもしたくなるまちになる"));
            assertTrue(html.contains("平均初婚年齢"), "goal indicators of field 1 are listed");
            assertTrue(html.contains("令和6年度（2024）"), "targets show their fiscal year in 和暦");
            List<String> cards = Http.all(html, "<span class=\"persona-label\">(.*?)</span>");
            assertEquals(List.of("Aさん", "Bさん", "Cさん", "Dさん", "Eさん", "Fさん", "Gさん", "Hさん"), cards);
            assertTrue(html.contains("求めるのは自然な出会い") || html.contains("求めるのは 自然な出会い"));
            assertEquals(List.of("8"), Http.all(html, "data-testid=\"count-personas\">(.*?)</span>"));
            assertEquals(List.of("53"), Http.all(html, "data-testid=\"count-steps\">(.*?)</span>"));
            assertEquals(List.of("13"), Http.all(html, "data-testid=\"count-challenges\">(.*?)</span>"));
            assertEquals(List.of("36"), Http.all(html, "data-testid=\"count-projects\">(.*?)</span>"));
            for (String link : List.of("/w/omitama/personas/b", "/w/omitama/challenges", "/w/omitama/framework",
                    "/w/omitama/actors")) {
                assertTrue(html.contains("href=\"" + link + "\""), "home links to " + link);
            }
        });
    }

    @Test
    void theInterfaceSwitchesToEnglishAndRemembersIt() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = Http.rawGet(server.port(), "/w/omitama?lang=en");
            String html = res.body();
            assertTrue(html.contains("<html lang=\"en\">"));
            assertTrue(html.contains("FY2020–FY2024 (Reiwa 2 – Reiwa 6)"), "plan period in English");
            assertTrue(html.contains(">Challenges<"));
            String cookie = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_lang=en"))
                    .findFirst().orElseThrow();
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.contains("SameSite=Lax"), cookie);
            var next = Http.rawGet(server.port(), "/w/omitama/challenges", "Cookie", "kusari_lang=en");
            assertTrue(next.body().contains("<h1>Challenges</h1>"));
            assertTrue(Http.rawGet(server.port(), "/w/omitama/challenges").body().contains("<h1>課題</h1>"),
                    "without the cookie the interface is Japanese");
        });
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = Http.rawGet(server.port(), "/w/omitama");
            String csp = res.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("default-src 'self'"), csp);
            assertTrue(csp.contains("script-src 'self'"), csp);
            assertTrue(!csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElseThrow());
            String csrf = res.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kusari_csrf="))
                    .findFirst().orElseThrow();
            assertTrue(csrf.contains("HttpOnly") && csrf.contains("SameSite=Strict"), csrf);
        });
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.post("/w/omitama/personas", "x=1");
            assertEquals(403, res.code());
            assertTrue(res.body().string().contains("フォームの有効期限が切れたか"));
        });
    }

    @Test
    void anUnknownPageIsAFriendly404InJapanese() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var res = client.get("/no/such/page");
            assertEquals(404, res.code());
            String html = res.body().string();
            assertTrue(html.contains("ページが見つかりません"));
            assertTrue(html.contains("「/no/such/page」というページはありません。"));
            var ws = client.get("/w/nowhere");
            assertEquals(404, ws.code());
            assertTrue(ws.body().string().contains("ワークスペース「nowhere」は見つかりません。"));
        });
    }

    @Test
    void staticFilesAreServedFromTheAppItself() {
        JavalinTest.test(TestApp.create(), (server, client) -> {
            var css = client.get("/static/css/app.css");
            assertEquals(200, css.code());
            assertTrue(css.body().string().contains(".journey-map"));
            assertEquals(200, client.get("/static/js/app.js").code());
        });
    }
}
