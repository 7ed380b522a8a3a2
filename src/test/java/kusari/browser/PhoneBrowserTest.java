package kusari.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kusari.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Kusari on a 390 × 844 phone, measured as Chromium lays the pages out: on every main page the header, search box
 * included, leaves at least 85 % of the screen to the page, and the trace, actor and framework pages fit the width
 * in English too (their longer words must not push the page sideways).
 */
@Tag("browser")
class PhoneBrowserTest extends FreshBrowserTest {

    /** The sections of the header's menu, a page of each kind below them, and the pages a member lands on. */
    private static final List<String> MAIN_PAGES = List.of(
            "/w/omitama", "/w/omitama/personas", "/w/omitama/personas/b", "/w/omitama/journeys/b",
            "/w/omitama/challenges", "/w/omitama/challenges/2", "/w/omitama/framework", "/w/omitama/projects/1-03-4",
            "/w/omitama/actors", "/w/omitama/actors/1", "/w/omitama/matrix", "/w/omitama/indicators",
            "/w/omitama/history", "/w/omitama/chain-check", "/w/omitama/budgets", "/w/omitama/trace/challenge/2",
            "/w/omitama/search?q=%E3%82%A2%E3%83%97%E3%83%AA");

    private void phone() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Opens a page of the sample, which must be there (not the error page). */
    private void open(String path) {
        driver.get(origin + path);
        assertEquals(0L, number("return document.querySelectorAll('[data-testid=error-page]').length"), path);
    }

    private long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    private List<String> tallHeaders() {
        List<String> tall = new ArrayList<>();
        for (String path : MAIN_PAGES) {
            open(path);
            assertEquals(390L, number("return window.innerWidth"), path + ": nothing widens the page past the phone");
            assertEquals(1L, number("return document.querySelectorAll('.site-header input[type=search]').length"),
                    path + ": the header holds the search box");
            long header = number("return Math.ceil(document.querySelector('.site-header').getBoundingClientRect().height)");
            if (header > 844 * 0.15) {
                tall.add(path + " " + header + " px");
            }
        }
        return tall;
    }

    @Test
    void onEveryMainPageTheHeaderTakesAtMost15PercentOfThePhonesHeight() {
        phone();
        assertEquals(List.of(), tallHeaders(), "a visitor's headers over 126 px of 844");
        BrowserSupport.signIn(driver, origin, TestApp.adminCookie(db));
        phone();
        assertEquals(List.of(), tallHeaders(), "a signed-in planner's headers over 126 px of 844");
        BrowserSupport.screenshot(driver, "phone-390-search");
    }

    @Test
    void inEnglishTheTraceActorAndFrameworkPagesFitThePhonesWidth() {
        phone();
        driver.get(origin + "/w/omitama?lang=en");
        List<String> wide = new ArrayList<>();
        for (String path : List.of("/w/omitama/trace/challenge/2", "/w/omitama/trace/project/1-03-4",
                "/w/omitama/trace/step/b-3", "/w/omitama/actors", "/w/omitama/actors/1", "/w/omitama/framework")) {
            open(path);
            assertEquals("en", driver.executeScript("return document.documentElement.lang"), path);
            long page = number("return document.documentElement.scrollWidth");
            if (page > 390) {
                String widest = (String) driver.executeScript("""
                        const out = []; for (const e of document.querySelectorAll('body *')) {
                          const r = e.getBoundingClientRect(); if (r.right > 391 && getComputedStyle(e).position !== 'fixed'
                            && !e.closest('.trace-scroll, .table-scroll, .map-scroll, .site-nav')) {
                            out.push(e.tagName + '.' + e.className + '[' + Math.round(r.right) + '] ' + (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 30)); }
                        } return out.slice(0, 12).join(' | ');""");
                wide.add(path + " " + page + " px: " + widest);
            }
        }
        assertEquals(List.of(), wide, "pages wider than the phone");
        BrowserSupport.screenshot(driver, "phone-390-framework-en");
    }
}
