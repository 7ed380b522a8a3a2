package kusari.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class AchievementTest {

    /** direction, baseline, target, actual → against target %, progress %, met. Null: not defined. */
    static Stream<Arguments> cases() {
        return Stream.of(
                // increase: 出生率 1.51 → 1.8
                Arguments.of("increase halfway", "INCREASE", 1.51, 1.8, 1.655, 91.9, 50.0, false),
                Arguments.of("increase reached", "INCREASE", 1.51, 1.8, 1.8, 100.0, 100.0, true),
                Arguments.of("increase beyond", "INCREASE", 50.0, 100.0, 125.0, 125.0, 150.0, true),
                Arguments.of("increase went back", "INCREASE", 1.51, 1.8, 1.4, 77.8, -37.9, false),
                Arguments.of("increase from zero baseline", "INCREASE", 0.0, 40.0, 10.0, 25.0, 25.0, false),
                Arguments.of("increase without baseline", "INCREASE", null, 100.0, 80.0, 80.0, null, false),
                // decrease: 初婚年齢 30 → 28 (less is better: target over actual)
                Arguments.of("decrease halfway", "DECREASE", 30.0, 28.0, 29.0, 96.6, 50.0, false),
                Arguments.of("decrease reached", "DECREASE", 30.0, 28.0, 28.0, 100.0, 100.0, true),
                Arguments.of("decrease beyond", "DECREASE", 30.0, 28.0, 27.0, 103.7, 150.0, true),
                Arguments.of("decrease went up", "DECREASE", 12.9, 10.0, 14.35, 69.7, -50.0, false),
                Arguments.of("decrease to zero, zero reached", "DECREASE", 5.0, 0.0, 0.0, 100.0, 100.0, true),
                Arguments.of("decrease to zero, not yet", "DECREASE", 5.0, 0.0, 1.0, null, 80.0, false),
                Arguments.of("decrease, actual zero below a target", "DECREASE", 5.0, 2.0, 0.0, null, 166.7, true),
                // negative values: 社会移動率 −0.35 → −0.18 (increase towards less negative)
                Arguments.of("negative increase halfway", "INCREASE", -0.35, -0.18, -0.265, null, 50.0, false),
                Arguments.of("negative increase reached", "INCREASE", -0.35, -0.18, -0.1, null, 147.1, true),
                Arguments.of("negative to positive", "INCREASE", -500.0, 100.0, -200.0, null, 50.0, false),
                Arguments.of("negative decrease", "DECREASE", -1.0, -3.0, -2.0, null, 50.0, false),
                // maintain: 市内総生産 2,249 kept; target equal to baseline
                Arguments.of("maintain kept", "MAINTAIN", 2249.0, 2249.0, 2300.0, 102.3, 100.0, true),
                Arguments.of("maintain exactly", "MAINTAIN", 2249.0, 2249.0, 2249.0, 100.0, 100.0, true),
                Arguments.of("maintain fell", "MAINTAIN", 2249.0, 2249.0, 2000.0, 88.9, 0.0, false),
                // target equal to baseline for the other directions
                Arguments.of("increase, target = baseline, held", "INCREASE", 0.99, 0.99, 0.99, 100.0, 100.0, true),
                Arguments.of("decrease, target = baseline, rose", "DECREASE", 10.0, 10.0, 11.0, 90.9, 0.0, false),
                // reach: a count to reach (施設 0 → 3), or a level to get down to
                Arguments.of("reach not yet", "REACH", 0.0, 3.0, 2.0, 66.7, 66.7, false),
                Arguments.of("reach done", "REACH", 0.0, 3.0, 3.0, 100.0, 100.0, true),
                Arguments.of("reach beyond counts as reached", "REACH", 0.0, 3.0, 4.0, 100.0, 133.3, true),
                Arguments.of("reach downwards", "REACH", 10.0, 4.0, 4.0, 100.0, 100.0, true),
                Arguments.of("reach downwards not yet", "REACH", 10.0, 4.0, 5.0, 80.0, 83.3, false),
                // zero target of an increase: no ratio, progress decides
                Arguments.of("increase to zero", "INCREASE", -10.0, 0.0, -4.0, null, 60.0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void achievementIsComputedBothWays(String name, String direction, Double baseline, Double target, Double actual,
                                       Double againstTarget, Double progress, boolean met) {
        Achievement a = Achievement.of(Direction.fromStored(direction), baseline, target, actual);
        assertEquals(againstTarget, a.againstTarget(), "against target");
        assertEquals(progress, a.progress(), "progress");
        assertEquals(met, a.met(), "met");
    }

    @Test
    void withoutActualOrTargetThereIsNothingToCompute() {
        assertNull(Achievement.of(Direction.INCREASE, 1.0, 2.0, null));
        assertNull(Achievement.of(Direction.INCREASE, 1.0, null, 2.0));
    }

    @Test
    void theGradeFollowsTheChosenBasisAndFallsBackToTheOther() {
        Achievement a = Achievement.of(Direction.INCREASE, -0.35, -0.18, -0.265);
        assertNull(a.againstTarget());
        assertEquals(50.0, a.percentFor(ReviewBasis.TARGET));
        assertEquals(50.0, a.percentFor(ReviewBasis.PROGRESS));
        Achievement b = Achievement.of(Direction.INCREASE, 1.51, 1.8, 1.4);
        assertEquals(77.8, b.percentFor(ReviewBasis.TARGET));
        assertEquals(-37.9, b.percentFor(ReviewBasis.PROGRESS));
    }

    /** scale, percent → grade. */
    static Stream<Arguments> grades() {
        return Stream.of(
                Arguments.of("A:100, B:80, C:50, D", 100.0, "A"),
                Arguments.of("A:100, B:80, C:50, D", 99.9, "B"),
                Arguments.of("A:100, B:80, C:50, D", 80.0, "B"),
                Arguments.of("A:100, B:80, C:50, D", 50.0, "C"),
                Arguments.of("A:100, B:80, C:50, D", -37.9, "D"),
                Arguments.of("S:120, A:100, B:70, C", 125.0, "S"),
                Arguments.of("S:120, A:100, B:70, C", 69.9, "C"),
                Arguments.of("非常に効果的:100、相当程度効果:80、効果があった:50、効果がなかった", 85.0, "相当程度効果"),
                Arguments.of("ａ：１００％, b:0, c", -1.0, "c"));
    }

    @ParameterizedTest(name = "{0} at {1}% → {2}")
    @MethodSource("grades")
    void gradesFollowTheWorkspacesScale(String scale, double percent, String grade) {
        assertEquals(grade, GradeScale.parse(scale).grade(percent));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "A", "A:100, B:80", "A:80, B:100, C", "A:100, A:50, B",
            "A:x, B", ":100, B", "A, B:50, C"})
    void malformedScalesAreRefused(String scale) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GradeScale.parse(scale));
    }

    @Test
    void aScaleIsWrittenBackNormalised() {
        assertEquals("A:100, B:80, C:50, D", GradeScale.parse("A：100％、B:80 , C:50.0,D").text());
        assertNull(GradeScale.defaults().grade(null));
    }
}
