package kusari.indicator;

import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kusari.core.ConflictException;
import kusari.core.FieldError;
import kusari.core.ValidationException;
import kusari.core.FiscalYear;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.ErrorPages;
import kusari.web.Exports;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/** The indicator table, its exports, and the yearly review: the grid of values and the CSV import. */
public final class IndicatorController {

    /** The largest CSV accepted for an import; a strategy's actuals are a few hundred lines. */
    static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    private final WorkspaceResolver resolver;
    private final IndicatorRepository indicators;
    private final IndicatorTable table;
    private final ReviewService reviews;
    private final Clock clock;

    public IndicatorController(WorkspaceResolver resolver, IndicatorRepository indicators, IndicatorTable table,
                               ReviewService reviews, Clock clock) {
        this.resolver = resolver;
        this.indicators = indicators;
        this.table = table;
        this.reviews = reviews;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.INDICATORS, this::list, Access.READ),
                Route.get(Links.INDICATORS_CSV, this::csv, Access.READ),
                Route.get(Links.INDICATORS_XLSX, this::xlsx, Access.READ),
                Route.get("/w/{ws}/review", this::reviewStart, Access.READ),
                Route.get(Links.REVIEW, this::review, Access.READ),
                // The yearly review: department members enter the values and comments of the indicators they answer
                // for (the change guard checks which); planners all of them.
                Route.post(Links.REVIEW, this::saveReview, Access.EDIT_OWN),
                Route.get(Links.REVIEW_IMPORT, this::importForm, Access.READ),
                // the 効果検証 document a city publishes: read by anyone who may read the workspace
                Route.get(Links.REVIEW_REPORT, this::report, Access.READ),
                Route.post(Links.REVIEW_IMPORT, this::importDryRun, Access.EDIT_OWN),
                Route.post(Links.REVIEW_IMPORT_APPLY, this::importApply, Access.EDIT_OWN));
    }

    /** The fiscal year to review by default: the last one that has ended, within the plan period. */
    static int defaultYear(Workspace ws, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        int current = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        return Math.max(ws.planFrom(), Math.min(ws.planTo(), current - 1));
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        String group = ctx.queryParam("group");
        IndicatorTable.Slice slice = table.slice(ws, ui.t("indicator.challengesGroup"), ui.t("indicator.challengeLevel"),
                group == null || group.isBlank() ? null : group.strip(), IndicatorTable.page(ctx.queryParam("page")));
        Pages.render(ctx, "indicator/table.jte", new IndicatorTablePage(ui, ws, table.settings(ws.id()),
                slice.groups(), defaultYear(ws, clock), slice));
    }

    void csv(Context ctx) {
        IndicatorExport export = export(ctx);
        Exports.download(ctx, export.table(), "csv", export.fileName());
    }

    void xlsx(Context ctx) {
        IndicatorExport export = export(ctx);
        Exports.download(ctx, export.table(), "xlsx", export.fileName());
    }

    private IndicatorExport export(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Ui ui = Requests.ui(ctx);
        return new IndicatorExport(ui, ws, table.settings(ws.id()), each -> table.forEachChunk(ws,
                ui.t("indicator.challengesGroup"), ui.t("indicator.challengeLevel"), each));
    }

    void reviewStart(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.redirect(Links.review(ws.slug(), defaultYear(ws, clock)), HttpStatus.SEE_OTHER);
    }

    /** The year of the path, read as people write it (2020, R2, 令和2年度…), or a 404. */
    private static int year(Context ctx) {
        String text = ctx.pathParam("year");
        int year = FiscalYear.parse(text).map(FiscalYear::year).orElse(-1);
        if (year < 1900 || year > 2200) {
            throw NotFound.of(ctx, "error.notFound.fiscalYear", text);
        }
        return year;
    }

    void review(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = year(ctx);
        Integer saved = null;
        String savedParam = ctx.queryParam("saved");
        if (savedParam != null && savedParam.matches("\\d{1,6}")) {
            saved = Integer.parseInt(savedParam);
        }
        renderReview(ctx, ws, year, GridPart.of(ctx.queryParam("group"), ctx.queryParam("page"),
                ctx.queryParam(PROJECT_PAGE)), null, Map.of(), false, saved, List.of(), HttpStatus.OK);
    }

    /** The query parameter of the page of the review grid's project section. */
    static final String PROJECT_PAGE = "projectPage";

    /**
     * The part of the year's grid a page shows: a group of indicators (null: all), its page of rows, and the page of
     * the projects' section. The grid's form carries it, so a save comes back to the part it was made on.
     */
    record GridPart(String group, int page, int projectPage) {
        static GridPart of(String group, String page, String projectPage) {
            return new GridPart(group == null || group.isBlank() ? null : group.strip(), IndicatorTable.page(page),
                    kusari.core.Paging.parse(PROJECT_PAGE, projectPage));
        }

        /** The grid's address for this part ({@code saved}: how many values a save changed, or null). */
        String link(String ws, int year, Integer saved) {
            return Links.withQuery(Links.review(ws, year), "group", group, "page", page == 1 ? null : page,
                    PROJECT_PAGE, projectPage == 1 ? null : projectPage, "saved", saved);
        }
    }

    void saveReview(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = year(ctx);
        GridPart part = GridPart.of(ctx.formParam("group"), ctx.formParam("page"), ctx.formParam(PROJECT_PAGE));
        List<ReviewService.Cell> cells = cellsFromForm(ctx);
        Ui ui = Requests.ui(ctx);
        // Rows the person does not answer for are refused before anything is saved, by name, and the grid comes
        // back with everything they typed (a bare 403 page would lose every number of the year).
        List<String> refused = refusedRows(ws, cells, ui);
        if (!refused.isEmpty()) {
            renderReview(ctx, ws, year, part, cells, Map.of(), false, null, refused, HttpStatus.FORBIDDEN);
            return;
        }
        try {
            ReviewService.Result result = reviews.save(ws.id(), year, cells);
            ctx.redirect(part.link(ws.slug(), year, result.total()), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderReview(ctx, ws, year, part, cells, errorsByCell(ui, e, cells), false, null, List.of(),
                    HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (ConflictException e) {
            renderReview(ctx, ws, year, part, cells, Map.of(), true, null, List.of(), HttpStatus.CONFLICT);
        } catch (kusari.core.ForbiddenChangeException e) {
            // the rights changed between the check and the save: still keep what was typed
            renderReview(ctx, ws, year, part, cells, Map.of(), false, null, List.of(ui.t(e.messageKey())),
                    HttpStatus.FORBIDDEN);
        }
    }

    /** The rows of a save that the person may not enter, each as 「name: why」; empty when all are theirs. */
    private List<String> refusedRows(Workspace ws, List<ReviewService.Cell> cells, Ui ui) {
        List<ReviewService.Cell> touched = cells.stream().filter(c -> !c.untouched() && c.indicatorId() > 0).toList();
        java.util.Set<Long> mine = reviews.enterable(ws.id(), touched.stream().map(ReviewService.Cell::indicatorId).toList());
        Map<Long, String> names = reviews.names(ws.id(), touched.stream().map(ReviewService.Cell::indicatorId).toList());
        List<String> refused = new ArrayList<>();
        for (ReviewService.Cell cell : touched) {
            if (!mine.contains(cell.indicatorId()) && names.containsKey(cell.indicatorId())) {
                refused.add(ui.t("indicator.review.refusedRow", names.get(cell.indicatorId())));
            }
        }
        return refused;
    }

    /** The grid's cells: {@code cells[i].indicator}, {@code .version}, {@code .seen}, {@code .state}, {@code .value}… */
    private static List<ReviewService.Cell> cellsFromForm(Context ctx) {
        java.util.TreeSet<Integer> indexes = new java.util.TreeSet<>();
        java.util.regex.Pattern name = java.util.regex.Pattern.compile("cells\\[(\\d{1,5})]\\.indicator");
        for (String key : ctx.formParamMap().keySet()) {
            java.util.regex.Matcher m = name.matcher(key);
            if (m.matches()) {
                indexes.add(Integer.parseInt(m.group(1)));
            }
        }
        List<ReviewService.Cell> cells = new ArrayList<>();
        for (int i : indexes) {
            String prefix = "cells[" + i + "].";
            long indicator;
            long version;
            try {
                indicator = Long.parseLong(param(ctx, prefix + "indicator", ""));
                version = Long.parseLong(param(ctx, prefix + "version", "0"));
            } catch (NumberFormatException e) {
                // Not from our form: an unknown indicator, which the service refuses by name.
                indicator = -1;
                version = 0;
            }
            cells.add(new ReviewService.Cell(indicator, version, param(ctx, prefix + "state", ValueState.ACTUAL.code()),
                    param(ctx, prefix + "value", ""), param(ctx, prefix + "dataDate", ""),
                    param(ctx, prefix + "source", ""), param(ctx, prefix + "note", ""), ctx.formParam(prefix + "seen")));
        }
        return cells;
    }

    private static String param(Context ctx, String name, String otherwise) {
        String value = ctx.formParam(name);
        return value == null ? otherwise : value;
    }

    /** The refused cells' messages by indicator id and field name. */
    private static Map<Long, Map<String, String>> errorsByCell(Ui ui, ValidationException e, List<ReviewService.Cell> cells) {
        Map<Long, Map<String, String>> byCell = new HashMap<>();
        for (FieldError error : e.errors()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("cells\\[(\\d+)]\\.(\\w+)").matcher(error.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < cells.size()) {
                long indicator = cells.get(Integer.parseInt(m.group(1))).indicatorId();
                byCell.computeIfAbsent(indicator, k -> new HashMap<>()).put(m.group(2), ErrorPages.message(ui, error));
            }
        }
        return byCell;
    }

    private void renderReview(Context ctx, Workspace ws, int year, GridPart part, List<ReviewService.Cell> submitted,
                              Map<Long, Map<String, String>> errors, boolean conflict, Integer saved,
                              List<String> problems, HttpStatus status) {
        Ui ui = Requests.ui(ctx);
        boolean mayEnter = ui.mayEdit(ws.id());
        // One page of the grid, as the indicator table pages: a year of a large strategy is never read whole.
        IndicatorTable.Slice slice = table.slice(ws, ui.t("indicator.challengesGroup"), ui.t("indicator.challengeLevel"),
                part.group(), part.page());
        List<IndicatorTable.Group> groups = slice.groups();
        java.util.Set<Long> enterable = !mayEnter ? java.util.Set.of() : reviews.enterable(ws.id(),
                groups.stream().flatMap(g -> g.rows().stream()).map(r -> r.indicator().id()).toList());
        Map<Long, ReviewService.Cell> byIndicator = new HashMap<>();
        if (submitted != null) {
            submitted.forEach(c -> byIndicator.put(c.indicatorId(), c));
        }
        List<ReviewPage.Section> sections = new ArrayList<>();
        int index = 0;
        for (IndicatorTable.Group g : groups) {
            List<ReviewPage.Line> lines = new ArrayList<>();
            for (IndicatorRow row : g.rows()) {
                YearValue now = row.value(year);
                ReviewService.Cell cell = byIndicator.get(row.indicator().id());
                ReviewPage.Line line;
                // After a conflict, cells the person left alone show what is stored now (else saving again would
                // put back the empty cell they saw over the colleague's value).
                if (cell != null && !(conflict && cell.untouched())) {
                    // Re-shown as typed; on a conflict, based on what is stored now, with that value beside.
                    boolean stale = conflict && (now == null ? 0 : now.version()) != cell.version();
                    line = new ReviewPage.Line(index, row, cell.state(), cell.value(), cell.dataDate(), cell.source(),
                            cell.note(), conflict ? (now == null ? 0 : now.version()) : cell.version(),
                            conflict ? ReviewService.seenOf(now) : cell.seen(),
                            errors.getOrDefault(row.indicator().id(), Map.of()), stale ? now : null,
                            enterable.contains(row.indicator().id()));
                } else {
                    line = new ReviewPage.Line(index, row, now == null ? ValueState.ACTUAL.code() : now.state().code(),
                            now == null ? "" : Achievement.formatShown(now.value()), now == null ? "" : now.dataDate(),
                            now == null ? "" : now.source(), now == null ? "" : now.note(),
                            now == null ? 0 : now.version(), ReviewService.seenOf(now), Map.of(), null,
                            enterable.contains(row.indicator().id()));
                }
                lines.add(line);
                index++;
            }
            sections.add(new ReviewPage.Section(g.code() == null ? g.title() : g.code() + " " + g.title(), lines));
        }
        ctx.status(status);
        IndicatorTable.ProjectReviews projects = table.projectReviews(ws.id(), year, part.projectPage());
        Pages.render(ctx, "indicator/review.jte", new ReviewPage(ui, ws, table.settings(ws.id()), year,
                sections, saved, conflict, problems, projects.lines(), mayEnter, slice, projects.paging()));
    }

    void report(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = year(ctx);
        Ui ui = Requests.ui(ctx);
        // A large strategy's report is read and printed a part at a time, as the grid is entered.
        GridPart part = GridPart.of(ctx.queryParam("group"), ctx.queryParam("page"), ctx.queryParam(PROJECT_PAGE));
        IndicatorTable.Slice slice = table.slice(ws, ui.t("indicator.challengesGroup"), ui.t("indicator.challengeLevel"),
                part.group(), part.page());
        IndicatorTable.ProjectReviews projects = table.projectReviews(ws.id(), year, part.projectPage());
        Pages.render(ctx, "indicator/report.jte", new ReviewReportPage(ui, ws, table.settings(ws.id()), year,
                slice.groups(), projects.lines(), slice, projects.paging()));
    }

    void importForm(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = year(ctx);
        Pages.render(ctx, "indicator/import.jte",
                new ImportPage(Requests.ui(ctx), ws, table.settings(ws.id()), year, null, null));
    }

    void importDryRun(Context ctx) throws IOException {
        Workspace ws = resolver.require(ctx);
        int year = year(ctx);
        Ui ui = Requests.ui(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            renderImport(ctx, ws, year, null, ui.t("import.csv.noFile"));
            return;
        }
        if (file.size() > MAX_CSV_BYTES) {
            renderImport(ctx, ws, year, null, ui.t("import.csv.tooLarge", MAX_CSV_BYTES / 1024 / 1024));
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes(MAX_CSV_BYTES + 1);
        }
        ActualsCsv.Report report = ActualsCsv.read(bytes, year, indicators.findAll(ws.id()),
                reviews.year(ws.id(), year), reviews.year(ws.id(), year - 1), ui);
        renderImport(ctx, ws, year, report, null);
    }

    private void renderImport(Context ctx, Workspace ws, int year, ActualsCsv.Report report, String error) {
        ctx.status(error != null || (report != null && report.errors() > 0) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK);
        Pages.render(ctx, "indicator/import.jte",
                new ImportPage(Requests.ui(ctx), ws, table.settings(ws.id()), year, report, error));
    }

    /** Applies the cells the dry run showed (carried in the form), with their versions: a change since is a conflict. */
    void importApply(Context ctx) {
        Workspace ws = resolver.require(ctx);
        int year = year(ctx);
        Ui ui = Requests.ui(ctx);
        List<ReviewService.Cell> cells = cellsFromForm(ctx);
        // The dry run asked to confirm numbers far from the year before or the baseline; asked again here, from the
        // cells themselves, so a form posted without the confirmation takes nothing.
        if (!"yes".equals(ctx.formParam("confirmFar")) && ActualsCsv.anyFar(cells, indicators.findAll(ws.id()),
                reviews.year(ws.id(), year - 1), ui)) {
            renderImport(ctx, ws, year, null, ui.t("import.csv.farNotConfirmed"));
            return;
        }
        try {
            ReviewService.Result result = reviews.save(ws.id(), year, cells);
            ctx.redirect(Links.review(ws.slug(), year) + "?saved=" + result.total(), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            renderImport(ctx, ws, year, null, ui.t("import.csv.refused"));
        } catch (ConflictException e) {
            renderImport(ctx, ws, year, null, ui.t("import.csv.conflict"));
        }
    }
}
