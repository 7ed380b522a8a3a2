package kusari.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        routes.add(Route.get("/api/v1/workspaces/{ws}/indicators", this::list, Access.READ)
                .doc(kusari.web.ApiPaging.documented(ApiDoc.of("Every indicator, a part at a time")
                        .returnsList(IndicatorJson.class))));
        if (table != null) {
            // the table with values, achievements and grades; saving a year's values; CSV import. Department members
            // enter the values of the indicators they answer for (the change guard checks which); planners all.
            routes.add(Route.get("/api/v1/workspaces/{ws}/indicator-table", this::table, Access.READ).doc(ApiDoc.of(
                    "The indicator table: groups of the framework, rows with values, achievement and grade per fiscal"
                    + " year, " + IndicatorTable.ROWS_PER_PAGE + " rows a page as on the table's page; ?group= a top-level code"
                    + " or challenges narrows it to one group")
                    .query("page", "Page of " + IndicatorTable.ROWS_PER_PAGE + " rows (from 1); the header X-Total-Count"
                            + " gives the rows of the choice, Link rel=\"next\" the next page")
                    .returns(TableJson.class)));
            routes.add(Route.post("/api/v1/workspaces/{ws}/reviews/{year}/values", this::saveValues, Access.EDIT_OWN)
                    .doc(ApiDoc.of("Save a fiscal year's values in one step: {\"cells\": [{indicator, version, state, value,"
                            + " dataDate, source, note}]}; all or nothing").body("ReviewCells").param("year", FISCAL_YEAR).returns(ReviewService.Result.class)));
            routes.add(Route.post("/api/v1/workspaces/{ws}/reviews/{year}/import", this::importCsv, Access.EDIT_OWN)
                    .doc(ApiDoc.of("Dry run of a CSV of actuals (UTF-8, UTF-16 with BOM or Shift_JIS) sent as the body;"
                            + " ?apply=true applies it when it has no problem, and values ten times or a tenth of the"
                            + " year before's or the baseline (rows with far: true) only with &confirm=true")
                            .param("year", FISCAL_YEAR).body("text/csv").returns(CsvImportJson.class)));
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
        // One page of rows, as the table's page: the whole table of a large workspace does not fit in memory.
        String group = ctx.queryParam("group");
        IndicatorTable.Slice slice = table.slice(ws, ui.t("indicator.challengesGroup"), ui.t("indicator.challengeLevel"),
                group == null || group.isBlank() ? null : group.strip(), IndicatorTable.page(ctx.queryParam("page")));
        ctx.header("X-Total-Count", String.valueOf(slice.paging().total()));
        if (slice.paging().page() < slice.paging().pages()) {
            ctx.header("Link", "<" + kusari.web.Links.withQuery(ctx.path(), "group", slice.group(),
                    "page", slice.paging().page() + 1) + ">; rel=\"next\"");
        }
        for (IndicatorTable.Group g : slice.groups()) {
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
                    yearJson.add(new YearJson(y, settings.year(y, ui.japanese()), v == null ? null : v.state().code(),
                            v == null ? null : v.value(), v == null ? null : v.dataDate(), v == null ? null : v.source(),
                            v == null ? null : v.note(), r.interimTargets().get(y),
                            a == null ? null : a.againstTarget(), a == null ? null : a.progress(),
                            a == null ? null : a.met(), grade == null ? null : grade.grade(),
                            grade == null ? null : grade.computed(), grade != null && grade.overridden(),
                            review == null ? null : review.overrideReason(), review == null ? null : review.panelComment(),
                            review == null ? null : review.departmentComment(),
                            review == null ? null : review.nextAction().code()));
                }
                rows.add(new RowJson(IndicatorJson.of(r.indicator()), r.ownerLevel(), yearJson));
            }
            groups.add(new GroupJson(g.code(), g.title(), g.levelLabel(), rows));
        }
        ctx.json(new TableJson(settings.scale().text(), settings.basis().code(), settings.yearStyle().name(), groups));
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
        // strict: [] or { or "cells": "x" is a 400 naming the field, never Jackson's exception
        CellsJson body = kusari.web.JsonBody.as(ctx, CellsJson.class);
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
        ActualsCsv.Report report = ActualsCsv.read(bytes, year, indicators.findAll(ws.id()), reviews.year(ws.id(), year),
                reviews.year(ws.id(), year - 1), ui);
        String applyParam = ctx.queryParam("apply");
        // apply=yes must not quietly become a dry run: only true or false
        if (applyParam != null && !applyParam.equals("true") && !applyParam.equals("false")) {
            throw kusari.core.ValidationException.of("apply", "validation.trueOrFalse");
        }
        boolean apply = "true".equals(applyParam);
        String confirmParam = ctx.queryParam("confirm");
        if (confirmParam != null && !confirmParam.equals("true") && !confirmParam.equals("false")) {
            throw kusari.core.ValidationException.of("confirm", "validation.trueOrFalse");
        }
        if (apply && report.errors() > 0) {
            ctx.status(400);
            ctx.json(new CsvImportJson(report, false, 400, ui.t("import.csv.refused"), null));
        } else if (apply && report.far() > 0 && !"true".equals(confirmParam)) {
            // A number far from the year before or the baseline (0.635 for 63.5 %) is taken only when confirmed.
            ctx.status(400);
            ctx.json(new CsvImportJson(report, false, 400, ui.t("import.csv.farNotConfirmed"), null));
        } else if (apply) {
            ctx.json(new CsvImportJson(report, true, null, null, reviews.save(ws.id(), year, report.cells())));
        } else {
            ctx.json(new CsvImportJson(report, false, null, null, null));
        }
    }

    /**
     * The dry run of a CSV import: every line with its action and problems; {@code status} and {@code message} only
     * when applying was refused, {@code result} only when it was applied.
     */
    public record CsvImportJson(String encoding, List<ActualsCsv.Row> rows, List<String> problems, long errors,
                                long far, boolean applied, @JsonInclude(JsonInclude.Include.NON_NULL) Integer status,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String message,
                                @JsonInclude(JsonInclude.Include.NON_NULL) ReviewService.Result result) {
        CsvImportJson(ActualsCsv.Report report, boolean applied, Integer status, String message,
                      ReviewService.Result result) {
            this(report.encoding(), report.rows(), report.problems(), report.errors(), report.far(), applied, status,
                    message,
                    result);
        }
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(kusari.web.ApiPaging.part(ctx, indicators.findAll(ws.id())).stream().map(IndicatorJson::of).toList());
    }
}
