package kusari.workshop;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import kusari.core.Ui;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.Access;
import kusari.web.Exports;
import kusari.web.Feature;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Pages;
import kusari.web.Route;

/**
 * Afterwards: the list of a workspace's workshops, each one's record (cards by step, votes, what became of each)
 * and its cards as CSV and .xlsx, for everyone who may read the workspace.
 */
public final class WorkshopRecordController implements Feature {

    private final WorkspaceResolver resolver;
    private final WorkshopRecords records;

    public WorkshopRecordController(WorkspaceResolver resolver, WorkshopRecords records) {
        this.resolver = resolver;
        this.records = records;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(Links.WORKSHOP_LIST, this::list, Access.READ),
                Route.get(Links.WORKSHOP_RECORD, this::record, Access.READ),
                Route.get(Links.WORKSHOP_CSV, ctx -> export(ctx, "csv"), Access.READ),
                Route.get(Links.WORKSHOP_XLSX, ctx -> export(ctx, "xlsx"), Access.READ));
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<WorkshopRecords.Listed> all = records.list(ws.id());
        String journey = ctx.queryParam("journey");
        if (journey == null || journey.isBlank()) {
            Pages.render(ctx, "workshop/list.jte", new WorkshopListPage(Ui.of(ctx), ws, all, null));
            return;
        }
        List<WorkshopRecords.Listed> held = all.stream().filter(l -> l.journeySlug().equals(journey)).toList();
        String title = held.isEmpty() ? journey : held.get(0).journeyTitle();
        Pages.render(ctx, "workshop/list.jte", new WorkshopListPage(Ui.of(ctx), ws, held, title));
    }

    void record(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Pages.render(ctx, "workshop/record.jte", new WorkshopRecordPage(Ui.of(ctx), ws, find(ctx, ws)));
    }

    /** The record as this person may see it: whole for those who may edit the workspace, else {@link WorkshopRecord#forReaders}. */
    private WorkshopRecord find(Context ctx, Workspace ws) {
        long id = NotFound.pathLong(ctx, "id", "workshop.error.unknown");
        WorkshopRecord whole = records.find(ws.id(), ws.slug(), id)
                .orElseThrow(() -> NotFound.of(ctx, "workshop.error.unknown"));
        return Ui.of(ctx).mayEdit(ws.id()) ? whole : whole.forReaders();
    }

    void export(Context ctx, String format) {
        Workspace ws = resolver.require(ctx);
        WorkshopRecord r = find(ctx, ws);
        Exports.download(ctx, table(Ui.of(ctx), r), format, "workshop-" + r.workshop().id() + "-cards");
    }

    /**
     * The cards as a sheet, in the user's language: step, kind, text, feeling, votes, hidden, what it became, when
     * posted, and in a named workshop who wrote it. Text cells are neutralised against formulas by {@link Exports}.
     */
    static Exports.Table table(Ui ui, WorkshopRecord r) {
        List<String> header = new ArrayList<>(List.of(ui.t("workshop.export.stepNo"), ui.t("workshop.export.step"),
                ui.t("workshop.export.kind"), ui.t("workshop.export.text"), ui.t("workshop.export.emotion"),
                ui.t("workshop.export.votes"), ui.t("workshop.export.hidden"), ui.t("workshop.export.became"),
                ui.t("workshop.export.postedAt")));
        boolean named = r.workshop().named();
        if (named) {
            header.add(ui.t("workshop.export.author"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (WorkshopRecord.CardLine k : r.cards()) {
            List<Object> row = new ArrayList<>();
            row.add(k.step());
            row.add(r.stepTitle(k.step()));
            row.add(ui.t("workshop.kind." + k.kind()));
            row.add(k.text());
            row.add(k.emotion());
            row.add(k.votes());
            row.add(k.hidden() ? ui.t("workshop.export.yes") : "");
            row.add(k.became().isEmpty() ? "" : ui.t("workshop.became." + k.became()));
            row.add(k.postedAt());
            if (named) {
                row.add(k.author());
            }
            rows.add(row);
        }
        return new Exports.Table(r.workshop().title(), header, rows);
    }
}
