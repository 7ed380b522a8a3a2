package kusari.indicator;

import kusari.web.Access;
import kusari.web.Route;
import kusari.web.ApiDoc;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import kusari.web.Requests;
import kusari.core.Ui;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;

/** Read-only JSON for indicators. */
public final class IndicatorApi {

    private final WorkspaceResolver resolver;
    private final IndicatorRepository indicators;
    private final IndicatorTable table;
    private final ReviewService reviews;

    public IndicatorApi(WorkspaceResolver resolver, IndicatorRepository indicators) {
        this(resolver, indicators, null, null);
    }

    public IndicatorApi(WorkspaceResolver resolver, IndicatorRepository indicators, IndicatorTable table,
                        ReviewService reviews) {
        this.resolver = resolver;
        this.indicators = indicators;
        this.table = table;
        this.reviews = reviews;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.get("/api/v1/workspaces/{ws}/indicators", this::list, Access.READ).doc("Every indicator"));
        if (table != null) {
            // the table with values, achievements and grades; saving a year's values; CSV import. Department members
            // enter the values of the indicators they answer for (the change guard checks which); planners all.
            routes.add(Route.get("/api/v1/workspaces/{ws}/indicator-table", this::table, Access.READ).doc(
                    "The indicator table: groups of the framework, rows with values, achievement and grade per fiscal year"));
            routes.add(Route.post("/api/v1/workspaces/{ws}/reviews/{year}/values", this::saveValues, Access.EDIT_OWN)
                    .doc(ApiDoc.of("Save a fiscal year's values in one step: {\"cells\": [{indicator, version, state, value,"
                            + " dataDate, source, note}]}; all or nothing").param("year", FISCAL_YEAR)));
            routes.add(Route.post("/api/v1/workspaces/{ws}/reviews/{year}/import", this::importCsv, Access.EDIT_OWN)
                    .doc(ApiDoc.of("Dry run of a CSV of actuals (UTF-8 or Shift_JIS) sent as the body; ?apply=true applies"
                            + " it when it has no problem").param("year", FISCAL_YEAR)));
        }
        return routes;
    }

    private static final String FISCAL_YEAR = "The fiscal year: 2021, R3 or 令和3年度";

    // --- the indicator table and the yearly review ---

    /** One indicator's row of the table: the definition, then per fiscal year value, achievement and grade. */
    public record RowJson(IndicatorJson indicator, String ownerLevel, List<YearJson> years) {
    }

    public record YearJson(int fiscalYear, String label, String state, Double value, String dataDate, String source,
                           String note, Double interimTarget, Double againstTarget, Double progress, Boolean met,
                           String grade, String computedGrade, boolean overridden, String overrideReason,
                           String panelComment, String departmentComment, String nextAction) {
    }

    public record GroupJson(String code, String title, String levelLabel, List<RowJson> rows) {
    }

    public record TableJson(String scale, String basis, String yearStyle, List<GroupJson> groups) {
    }

    void table(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        ReviewSettings settings = table.settings(ws.id());
        List<GroupJson> groups = new ArrayList<>();
        for (IndicatorTable.Group g : table.groups(ws, ui.t("indicator.challengesGroup"), ui.t("indicator.challengeLevel"))) {
            List<RowJson> rows = new ArrayList<>();
            for (IndicatorRow r : g.rows()) {
                java.util.TreeSet<Integer> years = new java.util.TreeSet<>(r.values().keySet());
                years.addAll(r.interimTargets().keySet());
                years.addAll(r.reviews().keySet());
                List<YearJson> yearJson = new ArrayList<>();
                for (int y : years) {
                    YearValue v = r.value(y);
                    Achievement a = r.achievement(y);
                    IndicatorRow.Grade grade = r.grade(y, settings);
                    IndicatorReview review = r.review(y);
                    yearJson.add(new YearJson(y, settings.year(y, ui.japanese()), v == null ? null : v.state(),
                            v == null ? null : v.value(), v == null ? null : v.dataDate(), v == null ? null : v.source(),
                            v == null ? null : v.note(), r.interimTargets().get(y),
                            a == null ? null : a.againstTarget(), a == null ? null : a.progress(),
                            a == null ? null : a.met(), grade == null ? null : grade.grade(),
                            grade == null ? null : grade.computed(), grade != null && grade.overridden(),
                            review == null ? null : review.overrideReason(), review == null ? null : review.panelComment(),
                            review == null ? null : review.departmentComment(),
                            review == null ? null : review.nextAction()));
                }
                rows.add(new RowJson(IndicatorJson.of(r.indicator()), r.ownerLevel(), yearJson));
            }
            groups.add(new GroupJson(g.code(), g.title(), g.levelLabel(), rows));
        }
        ctx.json(new TableJson(settings.scale().text(), settings.basis(), settings.yearStyle().name(), groups));
    }

    /** A cell as the API sends it; every text optional. */
    public record CellJson(Long indicator, Long version, String state, String value, String dataDate, String source,
                           String note) {
    }

    public record CellsJson(List<CellJson> cells) {
    }

    void saveValues(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = kusari.core.FiscalYear.parse(ctx.pathParam("year")).map(kusari.core.FiscalYear::year)
                .orElseThrow(() -> kusari.core.ValidationException.of("fiscalYear", "validation.year"));
        CellsJson body;
        try {
            body = ctx.bodyAsClass(CellsJson.class);
        } catch (RuntimeException e) {
            throw kusari.core.ValidationException.of("cells", "validation.badJson");
        }
        if (body == null || body.cells() == null) {
            throw kusari.core.ValidationException.of("cells", "validation.required");
        }
        List<ReviewService.Cell> cells = new ArrayList<>();
        for (CellJson c : body.cells()) {
            cells.add(new ReviewService.Cell(c.indicator() == null ? -1 : c.indicator(),
                    c.version() == null ? 0 : c.version(), c.state() == null ? "ACTUAL" : c.state(), text(c.value()),
                    text(c.dataDate()), text(c.source()), text(c.note()), null));
        }
        ctx.json(reviews.save(ws.id(), year, cells));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** The dry run of a CSV body; {@code ?apply=true} also applies it when it has no problem (else 400, nothing written). */
    void importCsv(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = kusari.core.FiscalYear.parse(ctx.pathParam("year")).map(kusari.core.FiscalYear::year)
                .orElseThrow(() -> kusari.core.ValidationException.of("fiscalYear", "validation.year"));
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > IndicatorController.MAX_CSV_BYTES) {
            throw kusari.core.ValidationException.of("file", "validation.tooLarge");
        }
        Ui ui = Requests.ui(ctx);
        ActualsCsv.Report report = ActualsCsv.read(bytes, year, indicators.findAll(ws.id()), reviews.year(ws.id(), year), ui);
        boolean apply = "true".equals(ctx.queryParam("apply"));
        java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("encoding", report.encoding());
        answer.put("rows", report.rows());
        answer.put("problems", report.problems());
        answer.put("errors", report.errors());
        answer.put("applied", false);
        if (apply) {
            if (report.errors() > 0) {
                ctx.status(400);
                answer.put("status", 400);
                answer.put("message", ui.t("import.csv.refused"));
                ctx.json(answer);
                return;
            }
            answer.put("result", reviews.save(ws.id(), year, report.cells()));
            answer.put("applied", true);
        }
        ctx.json(answer);
    }

    /** An indicator as the API shows it: numbers and the document's wording side by side. */
    public record IndicatorJson(long id, String kind, String name, String unit, String direction,
                                ValueJson baseline, TargetJson target, OwnerJson owner) {
        public static IndicatorJson of(Indicator i) {
            return new IndicatorJson(i.id(), i.kind(), i.name(), i.unit(), i.direction(),
                    new ValueJson(i.baselineValue(), i.baselineText(), i.baselineYear(), i.baselineSource()),
                    new TargetJson(i.targetValue(), i.targetText(), i.targetFiscalYear()),
                    new OwnerJson(i.ownerType(), i.ownerKey(), i.ownerTitle()));
        }
    }

    public record ValueJson(Double value, String text, String year, String source) {
    }

    public record TargetJson(Double value, String text, Integer fiscalYear) {
    }

    /** type NODE, PROJECT or CHALLENGE; key is the code or challenge number. */
    public record OwnerJson(String type, String key, String title) {
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(indicators.findAll(ws.id()).stream().map(IndicatorJson::of).toList());
    }
}
