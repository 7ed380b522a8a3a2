package kusari.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every page's address in one place, so that templates never assemble URLs by hand and a route's path is
 * changed once. The routes themselves are registered by each feature's controller.
 */
public final class Links {

    private Links() {
    }

    public static String home(String ws) {
        return "/w/" + enc(ws);
    }

    public static String personas(String ws) {
        return home(ws) + "/personas";
    }

    public static String persona(String ws, String slug) {
        return personas(ws) + "/" + enc(slug);
    }

    public static String journey(String ws, String slug) {
        return home(ws) + "/journeys/" + enc(slug);
    }

    /** The facilitator's editing mode of a journey map. */
    public static String journeyEditor(String ws, String slug) {
        return journey(ws, slug) + "/edit";
    }

    /** A step's column on its journey map. */
    public static String step(String ws, String journeySlug, int position) {
        return journey(ws, journeySlug) + "#" + enc(journeySlug) + "-step-" + position;
    }

    public static String challenges(String ws) {
        return home(ws) + "/challenges";
    }

    public static String challenge(String ws, int number) {
        return challenges(ws) + "/" + number;
    }

    public static String framework(String ws) {
        return home(ws) + "/framework";
    }

    public static String frameworkNode(String ws, String code) {
        return framework(ws) + "#node-" + enc(code);
    }

    public static String project(String ws, String code) {
        return home(ws) + "/projects/" + enc(code);
    }

    public static String actors(String ws) {
        return home(ws) + "/actors";
    }

    public static String actor(String ws, long id) {
        return actors(ws) + "/" + id;
    }

    /** The form that creates an entity of an API collection (e.g. {@code steps}), with optional query. */
    public static String newEntity(String ws, String collection) {
        return home(ws) + "/edit/" + collection + "/new";
    }

    public static String edit(String ws, String collection, long id) {
        return home(ws) + "/edit/" + collection + "/" + id;
    }

    public static String delete(String ws, String collection, long id) {
        return edit(ws, collection, id) + "/delete";
    }

    public static String move(String ws, String collection, long id) {
        return edit(ws, collection, id) + "/move";
    }

    public static String linkForm(String ws, String linkCollection) {
        return home(ws) + "/links/" + linkCollection;
    }

    public static String history(String ws) {
        return home(ws) + "/history";
    }

    public static String entityHistory(String ws, String collection, long id) {
        return history(ws) + "/" + collection + "/" + id;
    }

    public static String revert(String ws, long changeId) {
        return history(ws) + "/" + changeId + "/revert";
    }

    public static String trash(String ws) {
        return home(ws) + "/trash";
    }

    public static String copyWorkspace(String ws) {
        return home(ws) + "/copy";
    }

    public static String newWorkspace() {
        return "/workspaces/new";
    }

    /**
     * {@code url} when it is a path of this site, to be followed after a form or a sign-in; null for anything that
     * could lead elsewhere ("//host", a scheme, backslashes that browsers read as slashes, control characters)
     * or is implausibly long. One rule for every "return to" of the application: no open redirect.
     */
    public static String sitePath(String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//") || url.contains("\\") || url.length() > 500
                || url.chars().anyMatch(ch -> ch < 0x20)) {
            return null;
        }
        return url;
    }

    /** Appends {@code done=<change>} so the next page offers to undo the change just made. */
    public static String withDone(String url, long changeId) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + "done=" + changeId + fragment;
    }

    // --- files in/out ---

    /** A workspace's files as a zip download. */
    public static String exportZip(String ws) {
        return home(ws) + "/export.zip";
    }

    public static String apiExportZip(String ws) {
        return "/api/v1/workspaces/" + enc(ws) + "/export.zip";
    }

    /** The upload form for workspace files. */
    public static String importForm() {
        return "/import";
    }

    /** The dry-run report (or result) of one upload. */
    public static String importReport(String token) {
        return importForm() + "/" + enc(token);
    }

    public static String importApply(String token) {
        return importReport(token) + "/apply";
    }

    public static String importCancel(String token) {
        return importReport(token) + "/cancel";
    }
    // --- trace and chain check ---

    /** A trace through the chain from one thing; {@code kind} is a {@code kusari.trace.TraceKind} slug. */
    public static String trace(String ws, String kind, String id) {
        return home(ws) + "/trace/" + enc(kind) + "/" + enc(id);
    }

    public static String traceStep(String ws, String journeySlug, int position) {
        return trace(ws, "step", journeySlug + "-" + position);
    }

    public static String traceChallenge(String ws, int number) {
        return trace(ws, "challenge", String.valueOf(number));
    }

    public static String traceProject(String ws, String code) {
        return trace(ws, "project", code);
    }

    /** A framework node's trace: the top level is a policy field, every level below it a measure. */
    public static String traceNode(String ws, int depth, String code) {
        return trace(ws, depth == 1 ? "policy-field" : "measure", code);
    }

    public static String traceIndicator(String ws, long id) {
        return trace(ws, "indicator", String.valueOf(id));
    }

    public static String chainCheck(String ws) {
        return home(ws) + "/chain-check";
    }

    public static String chainCheckJourney(String ws, String journeySlug) {
        return chainCheck(ws) + "?journey=" + enc(journeySlug);
    }

    public static String chainDismissals(String ws) {
        return chainCheck(ws) + "/dismissals";
    }

    public static String chainUndo(String ws, long dismissalId) {
        return chainDismissals(ws) + "/" + dismissalId + "/undo";
    }

    public static String chainSettings(String ws) {
        return chainCheck(ws) + "/settings";
    }

    public static String budgets(String ws) {
        return home(ws) + "/budgets";
    }

    /** The same trace as JSON. */
    public static String apiTrace(String ws, String kind, String id) {
        return "/api/v1/workspaces/" + enc(ws) + "/trace/" + enc(kind) + "/" + enc(id);
    }

    // --- end trace ---

    // --- indicators and the yearly review ---

    /** The indicator table (the strategy's KPI appendix), grouped by the framework. */
    public static String indicators(String ws) {
        return home(ws) + "/indicators";
    }

    /** The indicator table as a file: {@code csv} or {@code xlsx}. */
    public static String indicatorsExport(String ws, String format) {
        return indicators(ws) + "." + format;
    }

    /** The review of a fiscal year: the grid for entering actuals, then grades and comments. */
    public static String review(String ws, int fiscalYear) {
        return home(ws) + "/review/" + fiscalYear;
    }

    /** Import of actuals from a CSV file into a fiscal year's review: upload, dry run, apply. */
    public static String reviewImport(String ws, int fiscalYear) {
        return review(ws, fiscalYear) + "/import";
    }

    public static String reviewImportApply(String ws, int fiscalYear) {
        return reviewImport(ws, fiscalYear) + "/apply";
    }

    /** The review of one indicator for a fiscal year (grade, comments, next action). */
    public static String reviewIndicator(String ws, int fiscalYear, long indicatorId) {
        return review(ws, fiscalYear) + "/indicators/" + indicatorId;
    }

    // --- end indicators ---

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // --- actors: directory, responsibility matrix, exports ---

    /** {@code path} with the given name/value pairs as a query string; pairs whose value is null or blank are left out. */
    public static String withQuery(String path, Object... pairs) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v != null && !v.toString().isBlank()) {
                q.append(q.length() == 0 ? "?" : "&").append(enc(pairs[i].toString())).append('=').append(enc(v.toString()));
            }
        }
        return path + q;
    }

    /** An actor's page with its names as of a fiscal year (null: the newest names). */
    public static String actor(String ws, long id, Integer fiscalYear) {
        return withQuery(actor(ws, id), "fy", fiscalYear);
    }

    /** An actor's steps in one persona's journeys: what a matrix cell links to. */
    public static String actorSteps(String ws, long id, String personaSlug, Integer fiscalYear) {
        return withQuery(actor(ws, id), "persona", personaSlug, "fy", fiscalYear) + "#steps";
    }

    public static String actorRename(String ws, long id) {
        return actor(ws, id) + "/names";
    }

    public static String actorChecklist(String ws, long id, Integer fiscalYear) {
        return withQuery(actor(ws, id) + "/checklist", "fy", fiscalYear);
    }

    public static String matrix(String ws) {
        return home(ws) + "/matrix";
    }

    /** One journey's actors × steps chart. */
    public static String journeyChart(String ws, String journeySlug) {
        return matrix(ws) + "/journeys/" + enc(journeySlug);
    }

    public static String apiActorSteps(String ws, long id, String format) {
        return "/api/v1/workspaces/" + enc(ws) + "/actors/" + id + "/steps" + (format == null ? "" : "." + format);
    }

    public static String apiMatrix(String ws, String format) {
        return "/api/v1/workspaces/" + enc(ws) + "/matrix" + (format == null ? "" : "." + format);
    }
}
