package kusari.web;

/**
 * Every page's address in one place, so that templates never assemble URLs by hand. Each builder fills the same
 * {@link RoutePath} its route is declared with ({@code Route.get(Links.PERSONA, this::show, Access.READ)} in the
 * persona feature), so a path is written once; anchors and query strings are added here.
 */
public final class Links {

    public static final RoutePath HOME = RoutePath.of("/w/{ws}");
    public static final RoutePath PERSONAS = RoutePath.of("/w/{ws}/personas");
    public static final RoutePath PERSONA = RoutePath.of("/w/{ws}/personas/{slug}");
    public static final RoutePath JOURNEY = RoutePath.of("/w/{ws}/journeys/{slug}");
    public static final RoutePath JOURNEY_EDITOR = RoutePath.of("/w/{ws}/journeys/{slug}/edit");
    /** The form that opens a live workshop on a journey (declared by the workshop; the journey page links to it). */
    public static final RoutePath OPEN_WORKSHOP = RoutePath.of("/w/{ws}/workshops");
    /** The pushed changes of a journey map, as the plain page and the editor show it (text/event-stream). */
    public static final RoutePath JOURNEY_EVENTS = RoutePath.of("/w/{ws}/journeys/{slug}/events");
    public static final RoutePath JOURNEY_EDITOR_EVENTS = RoutePath.of("/w/{ws}/journeys/{slug}/edit/events");
    public static final RoutePath CHALLENGES = RoutePath.of("/w/{ws}/challenges");
    public static final RoutePath CHALLENGE = RoutePath.of("/w/{ws}/challenges/{number}");
    public static final RoutePath FRAMEWORK = RoutePath.of("/w/{ws}/framework");
    public static final RoutePath PROJECT = RoutePath.of("/w/{ws}/projects/{code}");
    /** "About this strategy" (strategy feature): slogan, 理念, 視点, national goals, 進行管理, surveys. */
    public static final RoutePath ABOUT = RoutePath.of("/w/{ws}/about");
    public static final RoutePath ACTORS = RoutePath.of("/w/{ws}/actors");
    public static final RoutePath ACTOR = RoutePath.of("/w/{ws}/actors/{id}");
    public static final RoutePath ACTOR_RENAME = RoutePath.of("/w/{ws}/actors/{id}/names");
    public static final RoutePath ACTOR_CHECKLIST = RoutePath.of("/w/{ws}/actors/{id}/checklist");
    public static final RoutePath MATRIX = RoutePath.of("/w/{ws}/matrix");
    public static final RoutePath JOURNEY_CHART = RoutePath.of("/w/{ws}/matrix/journeys/{journey}");
    public static final RoutePath NEW_ENTITY = RoutePath.of("/w/{ws}/edit/{kind}/new");
    public static final RoutePath EDIT = RoutePath.of("/w/{ws}/edit/{kind}/{id}");
    public static final RoutePath DELETE = RoutePath.of("/w/{ws}/edit/{kind}/{id}/delete");
    public static final RoutePath MOVE = RoutePath.of("/w/{ws}/edit/{kind}/{id}/move");
    public static final RoutePath LINK = RoutePath.of("/w/{ws}/links/{link}");
    public static final RoutePath HISTORY = RoutePath.of("/w/{ws}/history");
    public static final RoutePath ENTITY_HISTORY = RoutePath.of("/w/{ws}/history/{kind}/{id}");
    public static final RoutePath REVERT = RoutePath.of("/w/{ws}/history/{change}/revert");
    public static final RoutePath TRASH = RoutePath.of("/w/{ws}/trash");
    public static final RoutePath COPY_WORKSPACE = RoutePath.of("/w/{ws}/copy");
    public static final RoutePath NEW_WORKSPACE = RoutePath.of("/workspaces/new");
    public static final RoutePath WORKSPACES = RoutePath.of("/");
    public static final RoutePath WORKSPACE_TRASH = RoutePath.of("/workspaces/trash");
    public static final RoutePath RESTORE_WORKSPACE = RoutePath.of("/workspaces/trash/{change}/restore");
    public static final RoutePath LOGIN = RoutePath.of("/login");
    public static final RoutePath LOGOUT = RoutePath.of("/logout");
    public static final RoutePath SETUP = RoutePath.of("/setup/{token}");
    public static final RoutePath ACCOUNT = RoutePath.of("/account");
    public static final RoutePath ACCOUNT_PASSWORD = RoutePath.of("/account/password");
    public static final RoutePath ACCOUNT_TOKENS = RoutePath.of("/account/tokens");
    public static final RoutePath ACCOUNT_TOKEN_REVOKE = RoutePath.of("/account/tokens/{id}/revoke");
    public static final RoutePath ACCOUNT_TOTP_START = RoutePath.of("/account/totp/start");
    public static final RoutePath ACCOUNT_TOTP_CONFIRM = RoutePath.of("/account/totp/confirm");
    public static final RoutePath ACCOUNT_TOTP_REMOVE = RoutePath.of("/account/totp/remove");
    public static final RoutePath ADMIN_ACCOUNTS = RoutePath.of("/admin/accounts");
    public static final RoutePath ADMIN_PASSWORD = RoutePath.of("/admin/accounts/{id}/password");
    public static final RoutePath ADMIN_DISABLE = RoutePath.of("/admin/accounts/{id}/disable");
    public static final RoutePath ADMIN_ENABLE = RoutePath.of("/admin/accounts/{id}/enable");
    public static final RoutePath ADMIN_CHANGES = RoutePath.of("/admin/changes");
    public static final RoutePath SETTINGS = RoutePath.of("/w/{ws}/settings");
    public static final RoutePath SETTINGS_ACCESS = RoutePath.of("/w/{ws}/settings/access");
    public static final RoutePath SETTINGS_MEMBERS = RoutePath.of("/w/{ws}/settings/members");
    public static final RoutePath OPENAPI = RoutePath.of(Route.API + "/openapi.json");
    public static final RoutePath API_DOCS = RoutePath.of("/api/docs");
    public static final RoutePath API_DOCS_FILE = RoutePath.of("/api/docs/{file}");
    public static final RoutePath EXPORT_ZIP = RoutePath.of("/w/{ws}/export.zip");
    public static final RoutePath API_EXPORT_ZIP = RoutePath.of("/api/v1/workspaces/{ws}/export.zip");
    public static final RoutePath IMPORT = RoutePath.of("/import");
    public static final RoutePath IMPORT_REPORT = RoutePath.of("/import/{token}");
    public static final RoutePath IMPORT_APPLY = RoutePath.of("/import/{token}/apply");
    public static final RoutePath IMPORT_CANCEL = RoutePath.of("/import/{token}/cancel");
    public static final RoutePath TRACE = RoutePath.of("/w/{ws}/trace/{kind}/{id}");
    public static final RoutePath API_TRACE = RoutePath.of("/api/v1/workspaces/{ws}/trace/{kind}/{id}");
    public static final RoutePath CHAIN_CHECK = RoutePath.of("/w/{ws}/chain-check");
    public static final RoutePath CHAIN_DISMISSALS = RoutePath.of("/w/{ws}/chain-check/dismissals");
    public static final RoutePath CHAIN_UNDO = RoutePath.of("/w/{ws}/chain-check/dismissals/{id}/undo");
    public static final RoutePath CHAIN_SETTINGS = RoutePath.of("/w/{ws}/chain-check/settings");
    public static final RoutePath BUDGETS = RoutePath.of("/w/{ws}/budgets");
    public static final RoutePath INDICATORS = RoutePath.of("/w/{ws}/indicators");
    public static final RoutePath INDICATORS_CSV = RoutePath.of("/w/{ws}/indicators.csv");
    public static final RoutePath INDICATORS_XLSX = RoutePath.of("/w/{ws}/indicators.xlsx");
    public static final RoutePath REVIEW = RoutePath.of("/w/{ws}/review/{year}");
    public static final RoutePath REVIEW_IMPORT = RoutePath.of("/w/{ws}/review/{year}/import");
    public static final RoutePath REVIEW_IMPORT_APPLY = RoutePath.of("/w/{ws}/review/{year}/import/apply");
    public static final RoutePath API_ACTOR_STEPS = RoutePath.of("/api/v1/workspaces/{ws}/actors/{id}/steps");
    public static final RoutePath API_ACTOR_STEPS_CSV = RoutePath.of("/api/v1/workspaces/{ws}/actors/{id}/steps.csv");
    public static final RoutePath API_ACTOR_STEPS_XLSX = RoutePath.of("/api/v1/workspaces/{ws}/actors/{id}/steps.xlsx");
    public static final RoutePath API_MATRIX = RoutePath.of("/api/v1/workspaces/{ws}/matrix");
    public static final RoutePath API_MATRIX_CSV = RoutePath.of("/api/v1/workspaces/{ws}/matrix.csv");
    public static final RoutePath API_MATRIX_XLSX = RoutePath.of("/api/v1/workspaces/{ws}/matrix.xlsx");

    private Links() {
    }

    public static String home(String ws) {
        return HOME.fill(ws);
    }

    public static String personas(String ws) {
        return PERSONAS.fill(ws);
    }

    public static String persona(String ws, String slug) {
        return PERSONA.fill(ws, slug);
    }

    public static String journey(String ws, String slug) {
        return JOURNEY.fill(ws, slug);
    }

    /** The facilitator's editing mode of a journey map. */
    public static String journeyEditor(String ws, String slug) {
        return JOURNEY_EDITOR.fill(ws, slug);
    }

    /** Where the journey page's form opens a workshop. */
    public static String openWorkshop(String ws) {
        return OPEN_WORKSHOP.fill(ws);
    }

    /** The stream of a journey map's changes, for the editor or the plain page. */
    public static String journeyEvents(String ws, String slug, boolean editing) {
        return (editing ? JOURNEY_EDITOR_EVENTS : JOURNEY_EVENTS).fill(ws, slug);
    }

    /** A step's column on its journey map. */
    public static String step(String ws, String journeySlug, int position) {
        return journey(ws, journeySlug) + "#" + enc(journeySlug) + "-step-" + position;
    }

    public static String challenges(String ws) {
        return CHALLENGES.fill(ws);
    }

    public static String challenge(String ws, int number) {
        return CHALLENGE.fill(ws, number);
    }

    public static String framework(String ws) {
        return FRAMEWORK.fill(ws);
    }

    public static String about(String ws) {
        return ABOUT.fill(ws);
    }

    /** An item of the framework: {@code node} names it so that a large framework opens the top-level item holding it. */
    public static String frameworkNode(String ws, String code) {
        return framework(ws) + "?node=" + enc(code) + "#node-" + enc(code);
    }

    /**
     * An item of the framework whose code may be on several levels (基本目標1 and 戦略1): {@code level} (its depth)
     * names which, null when the code alone names it (the link then is the one above).
     */
    public static String frameworkNode(String ws, String code, Integer level) {
        if (level == null) {
            return frameworkNode(ws, code);
        }
        return framework(ws) + "?node=" + enc(code) + "&level=" + level + "#node-" + enc(code) + "@" + level;
    }

    /** The node {@code code} at {@code depth} of workspace {@code ws}, naming the level where the code needs it. */
    public static String frameworkNode(kusari.core.Workspace ws, int depth, String code) {
        return frameworkNode(ws.slug(), code, ws.levelOf(code, depth));
    }

    /** The id of a node's section on the framework page: {@code node-1}, or {@code node-1@2} for a code on several levels. */
    public static String nodeAnchor(String code, Integer level) {
        return "node-" + code + (level == null ? "" : "@" + level);
    }

    public static String project(String ws, String code) {
        return PROJECT.fill(ws, code);
    }

    public static String actors(String ws) {
        return ACTORS.fill(ws);
    }

    public static String actor(String ws, long id) {
        return ACTOR.fill(ws, id);
    }

    /** The form that creates an entity of an API collection (e.g. {@code steps}), with optional query. */
    public static String newEntity(String ws, String collection) {
        return NEW_ENTITY.fill(ws, collection);
    }

    public static String edit(String ws, String collection, long id) {
        return EDIT.fill(ws, collection, id);
    }

    public static String delete(String ws, String collection, long id) {
        return DELETE.fill(ws, collection, id);
    }

    public static String move(String ws, String collection, long id) {
        return MOVE.fill(ws, collection, id);
    }

    public static String linkForm(String ws, String linkCollection) {
        return LINK.fill(ws, linkCollection);
    }

    public static String history(String ws) {
        return HISTORY.fill(ws);
    }

    public static String entityHistory(String ws, String collection, long id) {
        return ENTITY_HISTORY.fill(ws, collection, id);
    }

    public static String revert(String ws, long changeId) {
        return REVERT.fill(ws, changeId);
    }

    public static String trash(String ws) {
        return TRASH.fill(ws);
    }

    public static String copyWorkspace(String ws) {
        return COPY_WORKSPACE.fill(ws);
    }

    public static String newWorkspace() {
        return NEW_WORKSPACE.fill();
    }

    // --- workspaces, accounts and administration ---

    /** The list of workspaces (with one readable workspace it leads straight to that one). */
    public static String workspaces() {
        return WORKSPACES.fill();
    }

    /** Deleted workspaces, which an installation administrator may restore. */
    public static String workspaceTrash() {
        return WORKSPACE_TRASH.fill();
    }

    public static String restoreWorkspace(long changeId) {
        return RESTORE_WORKSPACE.fill(changeId);
    }

    /** The sign-in page, returning to {@code next} afterwards (null: to the list of workspaces). */
    public static String login(String next) {
        return withQuery(LOGIN.fill(), "next", next);
    }

    /** The sign-in page saying that one has signed out. */
    public static String signedOut() {
        return withQuery(LOGIN.fill(), "out", 1);
    }

    public static String logout() {
        return LOGOUT.fill();
    }

    /** The first-start link that makes the installation's first administrator. */
    public static String setup(String token) {
        return SETUP.fill(token);
    }

    /** One's own account; {@code saved} (or null) names what was just saved, for the notice. */
    public static String account(String saved) {
        return withQuery(ACCOUNT.fill(), "saved", saved);
    }

    public static String accountPassword() {
        return ACCOUNT_PASSWORD.fill();
    }

    public static String accountTokens() {
        return ACCOUNT_TOKENS.fill();
    }

    public static String revokeToken(long tokenId) {
        return ACCOUNT_TOKEN_REVOKE.fill(tokenId);
    }

    /** The second factor: start (a new secret), confirm (with a code) and remove (with the password). */
    public static String totpStart() {
        return ACCOUNT_TOTP_START.fill();
    }

    public static String totpConfirm() {
        return ACCOUNT_TOTP_CONFIRM.fill();
    }

    public static String totpRemove() {
        return ACCOUNT_TOTP_REMOVE.fill();
    }

    /** The installation's accounts; {@code saved} (or null) names what was just saved, for the notice. */
    public static String accounts(String saved) {
        return withQuery(ADMIN_ACCOUNTS.fill(), "saved", saved);
    }

    public static String resetPassword(long accountId) {
        return ADMIN_PASSWORD.fill(accountId);
    }

    /** Disables an account ({@code disable}) or enables it again. */
    public static String disableAccount(long accountId, boolean disable) {
        return (disable ? ADMIN_DISABLE : ADMIN_ENABLE).fill(accountId);
    }

    /** The history of every workspace by person and date. */
    public static String adminChanges() {
        return ADMIN_CHANGES.fill();
    }

    /** A workspace's settings and roles; {@code saved} (or null) names what was just saved, for the notice. */
    public static String settings(String ws, String saved) {
        return withQuery(SETTINGS.fill(ws), "saved", saved);
    }

    public static String settingsAccess(String ws) {
        return SETTINGS_ACCESS.fill(ws);
    }

    public static String settingsMembers(String ws) {
        return SETTINGS_MEMBERS.fill(ws);
    }

    /** The OpenAPI description of the JSON API. */
    public static String openApi() {
        return OPENAPI.fill();
    }

    /** The page for people to read the API (Swagger UI). */
    public static String apiDocs() {
        return API_DOCS.fill();
    }

    /** A file of the API's documentation page: Swagger UI's script and style sheet, and its initializer. */
    public static String apiDocsFile(String file) {
        return API_DOCS_FILE.fill(file);
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
        return EXPORT_ZIP.fill(ws);
    }

    public static String apiExportZip(String ws) {
        return API_EXPORT_ZIP.fill(ws);
    }

    /** The upload form for workspace files. */
    public static String importForm() {
        return IMPORT.fill();
    }

    /** The dry-run report (or result) of one upload. */
    public static String importReport(String token) {
        return IMPORT_REPORT.fill(token);
    }

    public static String importApply(String token) {
        return IMPORT_APPLY.fill(token);
    }

    public static String importCancel(String token) {
        return IMPORT_CANCEL.fill(token);
    }
    // --- trace and chain check ---

    /** A trace through the chain from one thing; {@code kind} is a {@code kusari.trace.TraceKind} slug. */
    public static String trace(String ws, String kind, String id) {
        return TRACE.fill(ws, kind, id);
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

    /**
     * The trace of a node whose code may be on several levels: a measure names its level ({@code ?level=2}) when
     * {@code level} is given; a policy field is the top level already.
     */
    public static String traceNode(String ws, int depth, String code, Integer level) {
        return level == null || depth == 1 ? traceNode(ws, depth, code)
                : traceNode(ws, depth, code) + "?level=" + level;
    }

    public static String traceNode(kusari.core.Workspace ws, int depth, String code) {
        return traceNode(ws.slug(), depth, code, ws.levelOf(code, depth));
    }

    public static String traceIndicator(String ws, long id) {
        return trace(ws, "indicator", String.valueOf(id));
    }

    public static String chainCheck(String ws) {
        return CHAIN_CHECK.fill(ws);
    }

    public static String chainCheckJourney(String ws, String journeySlug) {
        return chainCheck(ws) + "?journey=" + enc(journeySlug);
    }

    public static String chainDismissals(String ws) {
        return CHAIN_DISMISSALS.fill(ws);
    }

    public static String chainUndo(String ws, long dismissalId) {
        return CHAIN_UNDO.fill(ws, dismissalId);
    }

    public static String chainSettings(String ws) {
        return CHAIN_SETTINGS.fill(ws);
    }

    public static String budgets(String ws) {
        return BUDGETS.fill(ws);
    }

    /** The same trace as JSON. */
    public static String apiTrace(String ws, String kind, String id) {
        return API_TRACE.fill(ws, kind, id);
    }

    // --- end trace ---

    // --- indicators and the yearly review ---

    /** The indicator table (the strategy's KPI appendix), grouped by the framework. */
    public static String indicators(String ws) {
        return INDICATORS.fill(ws);
    }

    /** The indicator table as a file: {@code csv} or {@code xlsx}. */
    public static String indicatorsExport(String ws, String format) {
        return switch (format) {
            case "csv" -> INDICATORS_CSV.fill(ws);
            case "xlsx" -> INDICATORS_XLSX.fill(ws);
            default -> throw new IllegalArgumentException("no export of the indicator table as " + format);
        };
    }

    /** The review of a fiscal year: the grid for entering actuals, then grades and comments. */
    public static String review(String ws, int fiscalYear) {
        return REVIEW.fill(ws, fiscalYear);
    }

    /** Import of actuals from a CSV file into a fiscal year's review: upload, dry run, apply. */
    public static String reviewImport(String ws, int fiscalYear) {
        return REVIEW_IMPORT.fill(ws, fiscalYear);
    }

    public static String reviewImportApply(String ws, int fiscalYear) {
        return REVIEW_IMPORT_APPLY.fill(ws, fiscalYear);
    }

    // --- end indicators ---

    private static String enc(String s) {
        return RoutePath.encode(s);
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
        return ACTOR_RENAME.fill(ws, id);
    }

    public static String actorChecklist(String ws, long id, Integer fiscalYear) {
        return withQuery(ACTOR_CHECKLIST.fill(ws, id), "fy", fiscalYear);
    }

    public static String matrix(String ws) {
        return MATRIX.fill(ws);
    }

    /** One journey's actors × steps chart. */
    public static String journeyChart(String ws, String journeySlug) {
        return JOURNEY_CHART.fill(ws, journeySlug);
    }

    public static String apiActorSteps(String ws, long id, String format) {
        return (format == null ? API_ACTOR_STEPS : switch (format) {
            case "csv" -> API_ACTOR_STEPS_CSV;
            case "xlsx" -> API_ACTOR_STEPS_XLSX;
            default -> throw new IllegalArgumentException("no export of an actor's steps as " + format);
        }).fill(ws, id);
    }

    public static String apiMatrix(String ws, String format) {
        return (format == null ? API_MATRIX : switch (format) {
            case "csv" -> API_MATRIX_CSV;
            case "xlsx" -> API_MATRIX_XLSX;
            default -> throw new IllegalArgumentException("no export of the matrix as " + format);
        }).fill(ws);
    }

    // --- municipal: the printable review report of a fiscal year (効果検証) ---
    public static final RoutePath REVIEW_REPORT = RoutePath.of("/w/{ws}/review/{year}/report");

    /** The review report of a fiscal year: every indicator's value, achievement, grade and comments, printable. */
    public static String reviewReport(String ws, int fiscalYear) {
        return REVIEW_REPORT.fill(ws, fiscalYear);
    }
    /** The roles table of a joint strategy: each municipality's role in each project. */
    public static final RoutePath ROLES = RoutePath.of("/w/{ws}/roles");

    public static String roles(String ws) {
        return ROLES.fill(ws);
    }
    // --- end municipal ---

    // --- search across the chain ---

    public static final RoutePath SEARCH = RoutePath.of("/w/{ws}/search");
    public static final RoutePath API_SEARCH = RoutePath.of("/api/v1/workspaces/{ws}/search");

    /** The search page of a workspace for {@code query} (null: the empty form), from result {@code offset} on. */
    public static String search(String ws, String query, int offset) {
        String url = SEARCH.fill(ws);
        if (query != null) {
            url += "?q=" + enc(query) + (offset > 0 ? "&offset=" + offset : "");
        }
        return url;
    }

    public static String apiSearch(String ws, String query) {
        return API_SEARCH.fill(ws) + "?q=" + enc(query);
    }

    // --- workshops, afterwards: the record of each session and its exports ---

    public static final RoutePath WORKSHOP_LIST = RoutePath.of("/w/{ws}/workshops");
    public static final RoutePath WORKSHOP_RECORD = RoutePath.of("/w/{ws}/workshops/{id}");
    public static final RoutePath WORKSHOP_CSV = RoutePath.of("/w/{ws}/workshops/{id}/cards.csv");
    public static final RoutePath WORKSHOP_XLSX = RoutePath.of("/w/{ws}/workshops/{id}/cards.xlsx");

    /** A workspace's workshops, newest first, each linking to its record. */
    public static String workshops(String ws) {
        return WORKSHOP_LIST.fill(ws);
    }

    /** The workshops held on one journey (the journey page links here). */
    public static String workshopsOfJourney(String ws, String journeySlug) {
        return WORKSHOP_LIST.fill(ws) + "?journey=" + enc(journeySlug);
    }

    /** A workshop's record: its cards by step, their votes and what became of each. */
    public static String workshopRecord(String ws, long id) {
        return WORKSHOP_RECORD.fill(ws, id);
    }

    /** One card on its workshop's record (the anchor of its row), as the search links to it. */
    public static String workshopCard(String ws, long workshopId, long cardId) {
        return WORKSHOP_RECORD.fill(ws, workshopId) + "#card-" + cardId;
    }

    public static String workshopCsv(String ws, long id) {
        return WORKSHOP_CSV.fill(ws, id);
    }

    public static String workshopXlsx(String ws, long id) {
        return WORKSHOP_XLSX.fill(ws, id);
    }
}
