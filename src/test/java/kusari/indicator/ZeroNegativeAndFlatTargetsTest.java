package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every direction against the targets other plans than Omitama's write: a zero target (待機児童ゼロ), a negative
 * target (社会増減 −200 人), and a target equal to the baseline (keep the level). A ratio against a zero or
 * negative target says nothing, so the grade follows progress.
 */
class ZeroNegativeAndFlatTargetsTest {

    /** name, direction, baseline, target, actual → against target %, progress %, met. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // zero targets
                Arguments.of("待機児童ゼロ, 9 → 0, now 4", "DECREASE", 9.0, 0.0, 4.0, null, 55.6, false),
                Arguments.of("待機児童ゼロ reached", "DECREASE", 9.0, 0.0, 0.0, 100.0, 100.0, true),
                Arguments.of("待機児童ゼロ, no baseline", "DECREASE", null, 0.0, 4.0, null, null, false),
                Arguments.of("待機児童ゼロ, went up", "DECREASE", 9.0, 0.0, 12.0, null, -33.3, false),
                Arguments.of("increase to zero", "INCREASE", -10.0, 0.0, -4.0, null, 60.0, false),
                Arguments.of("maintain zero", "MAINTAIN", 0.0, 0.0, 0.0, null, 100.0, true),
                Arguments.of("reach zero from above", "REACH", 6.0, 0.0, 3.0, null, 50.0, false),
                Arguments.of("reach zero reached", "REACH", 6.0, 0.0, 0.0, 100.0, 100.0, true),
                // negative targets
                Arguments.of("社会増減 −500 → −200", "INCREASE", -500.0, -200.0, -350.0, null, 50.0, false),
                Arguments.of("decrease to a negative", "DECREASE", 0.0, -10.0, -5.0, null, 50.0, false),
                Arguments.of("maintain a negative", "MAINTAIN", -3.0, -3.0, -2.0, null, 100.0, true),
                Arguments.of("reach a negative", "REACH", 0.0, -4.0, -4.0, 100.0, 100.0, true),
                // targets equal to the baseline
                Arguments.of("increase, flat, fell", "INCREASE", 40.0, 40.0, 30.0, 75.0, 0.0, false),
                Arguments.of("decrease, flat, held", "DECREASE", 10.0, 10.0, 10.0, 100.0, 100.0, true),
                Arguments.of("maintain, flat, rose", "MAINTAIN", 80.0, 80.0, 90.0, 112.5, 100.0, true),
                Arguments.of("reach, flat, there", "REACH", 3.0, 3.0, 3.0, 100.0, 100.0, true),
                // a missing baseline: only the ratio
                Arguments.of("decrease, no baseline", "DECREASE", null, 20.0, 25.0, 80.0, null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyDirectionMeetsZeroNegativeAndFlatTargets(String name, String direction, Double baseline, Double target,
                                                      Double actual, Double againstTarget, Double progress,
                                                      boolean met) {
        Achievement a = Achievement.of(Direction.fromStored(direction), baseline, target, actual);
        assertEquals(againstTarget, a.againstTarget(), "against target");
        assertEquals(progress, a.progress(), "progress");
        assertEquals(met, a.met(), "met");
    }

    @Test
    void aZeroTargetIsGradedByProgressNotAsZeroPercent() {
        Achievement a = Achievement.of(Direction.DECREASE, 9.0, 0.0, 4.0);
        assertNull(a.againstTarget());
        assertEquals(55.6, a.percentFor(ReviewBasis.TARGET));
        assertEquals("C", GradeScale.defaults().grade(a.percentFor(ReviewBasis.TARGET)));
    }
}
