package kusari.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import kusari.indicator.IndicatorKind;

/**
 * One thing reached by a trace. Fields that do not apply to its layer are null (and left out of the JSON).
 *
 * @param key       unique within the trace, e.g. {@code project:12}
 * @param code      the short name people use: 課題 number, project or node code, step position
 * @param href      the thing's own page
 * @param traceHref the trace that starts from it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceNode(String key, Layer layer, Integer depth, String code, String title, String href,
                        String traceHref, boolean start,
                        StepInfo step, List<String> approaches, ProjectInfo project, IndicatorInfo indicator) {

    /** A step: whose journey, how it felt, the pain point and who acts there. */
    public record StepInfo(String personaLabel, String journeySlug, int position, int emotionScore, String painPoint,
                           List<String> actors) {
        public boolean troubled() {
            return emotionScore < 0;
        }
    }

    /** A project: lead actors and budget per fiscal year (thousand yen). */
    public record ProjectInfo(List<String> leadActors, List<BudgetYear> budgets, long totalThousandYen) {
    }

    public record BudgetYear(int fiscalYear, long thousandYen) {
    }

    /** An indicator: its kind, baseline and target as written, and the latest actual against the target. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorInfo(IndicatorKind kind, String unit, String baseline, String target, Integer targetFiscalYear,
                                Integer latestFiscalYear, Double latestValue, Double targetValue,
                                Integer achievementPercent) {
    }

    @JsonIgnore
    public boolean troubled() {
        return step != null && step.troubled();
    }
}
