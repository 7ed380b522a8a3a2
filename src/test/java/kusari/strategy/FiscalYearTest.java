package kusari.strategy;

import kusari.core.FiscalYear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void reiwaStartsWithFiscalYear2019AsGannen() {
        assertEquals("令和元年度", new FiscalYear(2019).wareki());
        assertEquals("令和2年度", new FiscalYear(2020).wareki());
        assertEquals("令和6年度", new FiscalYear(2024).wareki());
    }

    @Test
    void heiseiAndShowa() {
        assertEquals("平成30年度", new FiscalYear(2018).wareki());
        assertEquals("平成元年度", new FiscalYear(1989).wareki());
        assertEquals("昭和63年度", new FiscalYear(1988).wareki());
    }

    @Test
    void labelsCarryBothCalendars() {
        assertEquals("令和2年度（2020）", new FiscalYear(2020).label(true));
        assertEquals("FY2020 (Reiwa 2)", new FiscalYear(2020).label(false));
        assertEquals("令和2年度〜令和6年度（2020〜2024年度）", FiscalYear.period(2020, 2024, true));
    }
}
