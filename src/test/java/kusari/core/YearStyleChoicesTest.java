package kusari.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fiscal years in the workspace's style, whatever notation they were typed in; FY2019 as the plan writes it. */
class YearStyleChoicesTest {

    @Test
    void fy2019IsReiwaGannenOrHeisei31AsTheWorkspaceChooses() {
        assertEquals("令和元年度（2019）", YearStyle.WAREKI_WESTERN.format(2019, true));
        assertEquals("平成31年度（2019）", YearStyle.WAREKI_WESTERN_HEISEI31.format(2019, true));
        assertEquals("平成31年度", YearStyle.WAREKI_HEISEI31.format(2019, true));
        assertEquals("令和2年度", YearStyle.WAREKI_HEISEI31.format(2020, true), "only FY2019 differs");
        assertEquals("H31", YearStyle.WAREKI_HEISEI31.shortFormat(2019));
        assertEquals("R1", YearStyle.WAREKI.shortFormat(2019));
        assertEquals("Heisei 31", YearStyle.WAREKI_HEISEI31.format(2019, false));
    }

    @Test
    void aYearTypedInAnyNotationIsShownInTheWorkspacesStyle() {
        for (String typed : new String[] {"H26", "平成26年度", "2014", "2014年度"}) {
            assertEquals("2014年度（平成26年度）", YearStyle.WESTERN_WAREKI.text(typed, true), typed);
            assertEquals("平成26年度（2014）", YearStyle.WAREKI_WESTERN.text(typed, true), typed);
        }
        assertEquals("2017年", YearStyle.WAREKI_WESTERN.text("2017年", true), "a calendar year stays as written");
        assertEquals("2020年10月1日", YearStyle.WAREKI_WESTERN.text("2020年10月1日", true), "so does a date");
        assertEquals("", YearStyle.WAREKI_WESTERN.text("", true));
    }
}
