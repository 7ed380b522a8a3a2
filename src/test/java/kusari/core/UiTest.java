package kusari.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The page context is made once per request and never changes, so years show alike wherever they are asked. */
class UiTest {

    @Test
    void everyFieldIsFinal() {
        Arrays.stream(Ui.class.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .forEach(f -> assertTrue(Modifier.isFinal(f.getModifiers()), f.getName() + " is not final"));
    }

    @Test
    void aWorkspacesYearStyleMakesANewContextAndLeavesTheFirstAsItWas() {
        Ui plain = new Ui(Ui.Lang.JA, "/w/x", "token");
        Ui western = plain.withYearStyle(YearStyle.WESTERN_WAREKI);
        assertNotSame(plain, western);
        assertEquals("令和2年度（2020）", plain.fiscalYear(2020));
        assertEquals("2020年度（令和2年度）", western.fiscalYear(2020));
        assertEquals(plain.path(), western.path());
        assertEquals(plain.csrfToken(), western.csrfToken());
    }
}
