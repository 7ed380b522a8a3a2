package kusari.indicator;

import java.sql.Connection;
import java.sql.SQLException;
import kusari.db.Sql;
import kusari.core.YearStyle;

/**
 * A workspace's review settings (table review_setting, edited as the kind {@code review_setting}); a workspace
 * without a row reviews with the defaults: A–D from 100/80/50 percent of the target, years as 令和2年度（2020）.
 *
 * @param id    the row's id, or null when the workspace uses the defaults
 * @param basis TARGET (achievement against the target) or PROGRESS (from baseline to target)
 */
public record ReviewSettings(Long id, GradeScale scale, ReviewBasis basis, YearStyle yearStyle, String negativeSign) {

    public ReviewSettings(Long id, GradeScale scale, ReviewBasis basis, YearStyle yearStyle) {
        this(id, scale, basis, yearStyle, "MINUS");
    }

    /** An indicator's baseline as the document wrote it, else its number in the workspace's way. */
    public String baseline(Indicator i) {
        return !i.baselineText().isBlank() ? i.baselineText() : i.baselineValue() == null ? "" : number(i.baselineValue()) + i.unit();
    }

    /** An indicator's target as the document wrote it, else its number in the workspace's way. */
    public String target(Indicator i) {
        return !i.targetText().isBlank() ? i.targetText() : i.targetValue() == null ? "" : number(i.targetValue()) + i.unit();
    }

    /** A number as the workspace's pages show it: thousands separated, negatives with its chosen sign. */
    public String number(Double value) {
        return Achievement.formatShown(value, negativeSign);
    }

    public static ReviewSettings defaults() {
        return new ReviewSettings(null, GradeScale.defaults(), ReviewBasis.TARGET, YearStyle.WAREKI_WESTERN);
    }

    public static ReviewSettings read(Connection c, long workspaceId) throws SQLException {
        return Sql.queryOne(c, "SELECT id, scale, basis, year_style, negative_sign FROM review_setting WHERE workspace_id = ?",
                rs -> {
                    GradeScale scale;
                    try {
                        scale = GradeScale.parse(rs.getString("scale"));
                    } catch (IllegalArgumentException e) {
                        scale = GradeScale.defaults();
                    }
                    return new ReviewSettings(rs.getLong("id"), scale, ReviewBasis.fromStored(rs.getString("basis")),
                            YearStyle.of(rs.getString("year_style")), rs.getString("negative_sign"));
                }, workspaceId).orElse(defaults());
    }

    /** The computed grade of an achievement, or null. */
    public String grade(Achievement achievement) {
        return achievement == null ? null : scale.grade(achievement.percentFor(basis));
    }

    public String year(int fiscalYear, boolean japanese) {
        return yearStyle.format(fiscalYear, japanese);
    }
}
