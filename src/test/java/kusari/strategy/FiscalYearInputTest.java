package kusari.strategy;

import kusari.core.FiscalYear;
import kusari.core.CodePattern;
import kusari.core.YearStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fiscal years as people type them, and as each workspace shows them. */
class FiscalYearInputTest {

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("2020", 2020), Arguments.of("2020年度", 2020), Arguments.of("R2", 2020),
                Arguments.of("r2", 2020), Arguments.of("令和2年度", 2020), Arguments.of("令和元年度", 2019),
                Arguments.of("R1", 2019), Arguments.of("H31", 2019), Arguments.of("平成31年度", 2019),
                Arguments.of("平成32年度", 2020), Arguments.of("H30", 2018), Arguments.of("平成元年度", 1989),
                Arguments.of("昭和63年度", 1988), Arguments.of("２０２０年度", 2020), Arguments.of("Ｒ２", 2020),
                Arguments.of(" 令和 2 年度 ", 2020), Arguments.of("令和6年", 2024));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("inputs")
    void readsTheWaysPeopleWriteFiscalYears(String text, int year) {
        assertEquals(year, FiscalYear.parse(text).orElseThrow().year());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "令和", "R", "R0", "令和0年度", "2020-21", "FY", "twenty", "X2"})
    void refusesWhatIsNotAFiscalYear(String text) {
        assertTrue(FiscalYear.parse(text).isEmpty(), text);
    }

    @Test
    void eachWorkspaceShowsYearsInItsStyleWithGannen() {
        assertEquals("令和2年度（2020）", YearStyle.WAREKI_WESTERN.format(2020, true));
        assertEquals("令和元年度（2019）", YearStyle.WAREKI_WESTERN.format(2019, true));
        assertEquals("平成元年度（1989）", YearStyle.WAREKI_WESTERN.format(1989, true));
        assertEquals("2020年度（令和2年度）", YearStyle.WESTERN_WAREKI.format(2020, true));
        assertEquals("令和元年度", YearStyle.WAREKI.format(2019, true));
        assertEquals("2019年度", YearStyle.WESTERN.format(2019, true));
        assertEquals("FY2020 (Reiwa 2)", YearStyle.WAREKI_WESTERN.format(2020, false));
        assertEquals("R1", YearStyle.WAREKI.shortFormat(2019));
        assertEquals("H30", YearStyle.WAREKI_WESTERN.shortFormat(2018));
        assertEquals("2020", YearStyle.WESTERN.shortFormat(2020));
        assertEquals(YearStyle.WAREKI_WESTERN, YearStyle.of("nonsense"));
    }

    @Test
    void codePatternsStandForDigitsLettersAndAnything() {
        assertTrue(CodePattern.matches("9-99-9", "1-03-4"));
        assertTrue(!CodePattern.matches("9-99-9", "1-3-4"));
        assertTrue(CodePattern.matches("基本目標9", "基本目標2"));
        assertTrue(CodePattern.matches("A-9", "b-1"));
        assertTrue(CodePattern.matches("*", "anything at all"));
        assertTrue(!CodePattern.matches("9.9", "1-1"));
    }
}
