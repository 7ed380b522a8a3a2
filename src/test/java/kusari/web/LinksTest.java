package kusari.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The one rule for where a form or a sign-in may send a person afterwards. */
class LinksTest {

    @Test
    void onlyPathsOfThisSiteAreFollowed() {
        assertEquals("/w/omitama/journeys/b/edit?x=1#b-step-2", Links.sitePath("/w/omitama/journeys/b/edit?x=1#b-step-2"));
        for (String elsewhere : new String[] {null, "", "https://evil.example/", "//evil.example/", "/\\evil.example",
                "/w/a\\b", "javascript:alert(1)", "/w/omitama\n/x", "/" + "a".repeat(500)}) {
            assertNull(Links.sitePath(elsewhere), String.valueOf(elsewhere));
        }
    }
}
