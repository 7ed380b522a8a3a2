package kusari.actor;

import java.util.List;
import kusari.actor.ActorRepository.JourneyRef;
import kusari.actor.ActorRepository.PolicyField;
import kusari.core.Workspace;
import kusari.web.Links;
import kusari.core.Ui;

/** The responsibility matrix (actors × personas) with its filters, and the list of journey charts. */
public record MatrixPage(Ui ui, Workspace workspace, ResponsibilityMatrix matrix, List<PolicyField> fields,
                         List<JourneyRef> journeys, List<Integer> fiscalYears) {

    /** This page with the same filters and another sort (from the first page of actors, same persona columns). */
    public String sortLink(String sort) {
        var f = matrix.filter();
        return Links.withQuery(Links.matrix(workspace.slug()), "kind", f.kind(), "field", f.field(), "fy", f.fiscalYear(),
                "sort", sort, "columnPage", columnPageParam(matrix.personaPaging().page())) + "#matrix";
    }

    /** Another page of actors, the same persona columns. */
    public String actorPageLink(int page) {
        var f = matrix.filter();
        return Links.withQuery(Links.matrix(workspace.slug()), "kind", f.kind(), "field", f.field(), "fy", f.fiscalYear(),
                "sort", f.sort(), "page", page, "columnPage", columnPageParam(matrix.personaPaging().page())) + "#matrix";
    }

    /** Other persona columns, the same page of actors. */
    public String columnPageLink(int columnPage) {
        var f = matrix.filter();
        return Links.withQuery(Links.matrix(workspace.slug()), "kind", f.kind(), "field", f.field(), "fy", f.fiscalYear(),
                "sort", f.sort(), "page", matrix.actorPaging().page() == 1 ? null : matrix.actorPaging().page(),
                "columnPage", columnPage) + "#matrix";
    }

    /** No field chosen and more personas than one page of columns: choosing a policy field narrows the table. */
    public boolean suggestField() {
        return matrix.filter().field() == null && matrix.personaPaging().paged();
    }

    private static Integer columnPageParam(int page) {
        return page == 1 ? null : page;
    }

    /** The exports with the same filters. */
    public String exportLink(String format) {
        var f = matrix.filter();
        return Links.withQuery(Links.apiMatrix(workspace.slug(), format), "kind", f.kind(), "field", f.field(),
                "fy", f.fiscalYear(), "sort", f.sort());
    }

    public String chartLink(String journeySlug) {
        var f = matrix.filter();
        return Links.withQuery(Links.journeyChart(workspace.slug(), journeySlug), "kind", f.kind(), "fy", f.fiscalYear());
    }
}
