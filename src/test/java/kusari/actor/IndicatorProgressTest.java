package kusari.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kusari.actor.ActorRepository.Actual;
import kusari.actor.IndicatorProgress.Status;
import kusari.indicator.Direction;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

class IndicatorProgressTest {

    private static Indicator indicator(String direction, Double baseline, Double target, Integer targetYear) {
        return new Indicator(1, IndicatorKind.KPI, "x", "人", Direction.fromStored(direction), baseline, "", "", "", target, "", targetYear, "PROJECT",
                "1-01-1", "");
    }

    @Test
    void anIncreaseIsOnTrackOnOrAboveTheStraightLineFromTheYearBeforeThePlan() {
        Indicator i = indicator("INCREASE", 100.0, 200.0, 2024);
        // Plan from 2020: the line runs from 100 in FY2019 to 200 in FY2024, 20 a year.
        assertEquals(Status.ON_TRACK, IndicatorProgress.status(i, new Actual(2021, 140), 2020));
        assertEquals(Status.BEHIND, IndicatorProgress.status(i, new Actual(2021, 139), 2020));
        assertEquals(Status.ACHIEVED, IndicatorProgress.status(i, new Actual(2022, 200), 2020));
    }

    @Test
    void aDecreaseIsMirrored() {
        Indicator i = indicator("DECREASE", 50.0, 30.0, 2024);
        assertEquals(Status.ACHIEVED, IndicatorProgress.status(i, new Actual(2023, 29), 2020));
        assertEquals(Status.ON_TRACK, IndicatorProgress.status(i, new Actual(2020, 46), 2020));
        assertEquals(Status.BEHIND, IndicatorProgress.status(i, new Actual(2020, 47), 2020));
    }

    @Test
    void nothingToCompareIsSaidSo() {
        assertEquals(Status.NO_TARGET, IndicatorProgress.status(indicator("INCREASE", 1.0, null, null), new Actual(2021, 5), 2020));
        assertEquals(Status.NO_ACTUAL, IndicatorProgress.status(indicator("INCREASE", 1.0, 2.0, 2024), null, 2020));
        assertEquals(Status.BEHIND, IndicatorProgress.status(indicator("INCREASE", null, 10.0, 2024), new Actual(2021, 5), 2020),
                "without a baseline only reaching the target counts");
        assertEquals(Status.ACHIEVED, IndicatorProgress.status(indicator("MAINTAIN", 80.0, 80.0, 2024), new Actual(2021, 80), 2020));
    }

    @Test
    void theLatestIsWrittenWithItsUnit() {
        assertEquals("3人", IndicatorProgress.of(indicator("INCREASE", 0.0, 5.0, 2024), new Actual(2022, 3), 2020).latestShown());
        assertEquals("2.5人", IndicatorProgress.of(indicator("INCREASE", 0.0, 5.0, 2024), new Actual(2022, 2.5), 2020).latestShown());
    }
}
