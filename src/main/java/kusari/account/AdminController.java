package kusari.account;

import kusari.web.Access;
import kusari.web.Links;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.account.AccountPages.AccountRow;
import kusari.account.AccountPages.AccountsPage;
import kusari.account.AccountPages.ActorChoice;
import kusari.account.AccountPages.ChangeRow;
import kusari.account.AccountPages.ChangesPage;
import kusari.account.AccountPages.MemberRow;
import kusari.account.AccountPages.SettingsPage;
import kusari.account.AccountService.AccountException;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.change.ChangeLog;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/**
 * The administrators' pages: accounts of the installation (create, reset a password, disable), the history of
 * every workspace by person and date, and a workspace's settings (readable without login, second factor
 * required of administrators) and who has which role in it.
 */
public final class AdminController {

    private final AccountService accounts;
    private final WorkspaceRepository workspaces;
    private final Database database;

    private final Authorizer authorizer;

    public AdminController(AccountService accounts, WorkspaceRepository workspaces, Database database,
                           Authorizer authorizer) {
        this.authorizer = authorizer;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.database = database;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.ADMIN_ACCOUNTS, this::accounts, Access.SITE_ADMIN),
                Route.post(Links.ADMIN_ACCOUNTS, this::create, Access.SITE_ADMIN),
                Route.post(Links.ADMIN_PASSWORD, this::resetPassword, Access.SITE_ADMIN),
                Route.post(Links.ADMIN_DISABLE, ctx -> disable(ctx, true), Access.SITE_ADMIN),
                Route.post(Links.ADMIN_ENABLE, ctx -> disable(ctx, false), Access.SITE_ADMIN),
                // the history by person and date: every administrator, of the workspaces they administer
                Route.get(Links.ADMIN_CHANGES, this::changes, Access.ANY_ADMIN),
                Route.get(Links.SETTINGS, this::settings, Access.WS_ADMIN),
                Route.post(Links.SETTINGS_ACCESS, this::saveAccess, Access.WS_ADMIN),
                Route.post(Links.SETTINGS_MEMBERS, this::saveMember, Access.WS_ADMIN));
    }

    // ------------------------------------------------------------------ accounts

    private void accounts(Context ctx) {
        String saved = ctx.queryParam("saved");
        renderAccounts(ctx, 200, saved != null && saved.matches("[a-zA-Z]{1,30}")
                ? Requests.ui(ctx).t("admin.saved." + saved) : null, null);
    }

    private void renderAccounts(Context ctx, int status, String message, String problem) {
        Ui ui = Requests.ui(ctx);
        Map<Long, String> slugs = new java.util.HashMap<>();
        workspaces.findAll().forEach(w -> slugs.put(w.id(), w.slug()));
        List<AccountRow> rows = new ArrayList<>();
        for (Account a : accounts.all()) {
            List<String> roles = new ArrayList<>();
            if (a.siteAdmin()) {
                roles.add(ui.t("role.SITE_ADMIN"));
            }
            accounts.memberships(a.id()).forEach((ws, m) ->
                    roles.add(slugs.getOrDefault(ws, "?") + ": " + ui.t("role." + m.role().name())));
            rows.add(new AccountRow(a, String.join(", ", roles)));
        }
        Pages.render(ctx.status(status), "account/accounts.jte", new AccountsPage(ui, rows, message, problem));
    }

    private void create(Context ctx) {
        try {
            accounts.create(ctx.formParam("name"), ctx.formParam("password"), "1".equals(ctx.formParam("siteAdmin")));
            ctx.redirect(Links.accounts("created"), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            renderAccounts(ctx, 400, null, Requests.ui(ctx).t(e.messageKey()));
        }
    }

    private Account target(Context ctx) {
        long id = NotFound.pathLong(ctx, "id", "error.notFound.entity");
        return accounts.find(id).orElseThrow(() -> NotFound.of(ctx, "error.notFound.entity"));
    }

    private void resetPassword(Context ctx) {
        Account account = target(ctx);
        try {
            accounts.resetPassword(account.id(), ctx.formParam("password"));
            ctx.redirect(Links.accounts("passwordReset"), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            renderAccounts(ctx, 400, null, Requests.ui(ctx).t(e.messageKey()));
        }
    }

    private void disable(Context ctx, boolean disabled) {
        Account account = target(ctx);
        if (disabled && account.id() == Authorizer.principal(ctx).account().id()) {
            renderAccounts(ctx, 400, null, Requests.ui(ctx).t("admin.notYourself"));
            return;
        }
        accounts.setDisabled(account.id(), disabled);
        ctx.redirect(Links.accounts(disabled ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ the history by person and date

    private void changes(Context ctx) {
        Ui ui = Requests.ui(ctx);
        String by = blankToNull(AccountController.stripped(ctx.queryParam("by")));
        String from = blankToNull(ctx.queryParam("from"));
        String to = blankToNull(ctx.queryParam("to"));
        String problem = null;
        String fromTime = null;
        String toTime = null;
        try {
            // Dates are days in Japan; entries are stored in UTC (ISO instants compare as text).
            if (from != null) {
                fromTime = LocalDate.parse(from).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant().toString();
            }
            if (to != null) {
                toTime = LocalDate.parse(to).plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant().toString();
            }
        } catch (DateTimeParseException e) {
            problem = ui.t("admin.changes.badDate");
        }
        Map<Long, String> slugs = new java.util.HashMap<>();
        workspaces.findAll().forEach(w -> slugs.put(w.id(), w.slug()));
        String f = fromTime;
        String t = toTime;
        // An installation administrator sees every workspace; a workspace administrator the workspaces they run.
        Principal me = Authorizer.principal(ctx);
        List<Long> scope = me.siteAdmin() ? null : authorizer.adminWorkspaces(me);
        List<ChangeRow> rows = problem != null ? List.of() : database.read(c -> ChangeLog.byAuthorAndDate(c, by, f, t,
                        scope, 500))
                .stream().map(e -> new ChangeRow(e.id(), e.workspaceId() == null ? "" : slugs.getOrDefault(e.workspaceId(),
                        "#" + e.workspaceId()), e.changedAt(), e.changedBy(), e.operation().name(),
                        kusari.change.Summaries.of(ui, e)))
                .toList();
        List<String> authors = database.read(c -> ChangeLog.authors(c, scope));
        Pages.render(ctx.status(problem == null ? 200 : 400), "account/changes.jte",
                new ChangesPage(ui, authors, by, from, to, rows, problem));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ a workspace's settings and roles

    private Workspace workspace(Context ctx) {
        return workspaces.findBySlug(ctx.pathParam("ws"))
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.workspace", ctx.pathParam("ws")));
    }

    private void settings(Context ctx) {
        String saved = ctx.queryParam("saved");
        renderSettings(ctx, workspace(ctx), 200, saved != null && saved.matches("[a-zA-Z]{1,30}")
                ? Requests.ui(ctx).t("admin.saved." + saved) : null, null);
    }

    private void renderSettings(Context ctx, Workspace ws, int status, String message, String problem) {
        Ui ui = Requests.ui(ctx);
        var access = accounts.access(ws.id());
        List<MemberRow> members = database.read(c -> Sql.query(c, """
                SELECT a.name, m.role,
                       (SELECT group_concat(x.name, '、') FROM member_actor ma JOIN actor x ON x.id = ma.actor_id
                        WHERE ma.account_id = a.id AND x.workspace_id = m.workspace_id) AS actors
                FROM workspace_member m JOIN account a ON a.id = m.account_id
                WHERE m.workspace_id = ? ORDER BY a.name""",
                rs -> new MemberRow(rs.getString(1), ui.t("role." + rs.getString(2)),
                        rs.getString(3) == null ? "" : rs.getString(3)), ws.id()));
        List<ActorChoice> actors = database.read(c -> Sql.query(c,
                "SELECT id, name FROM actor WHERE workspace_id = ? ORDER BY name",
                rs -> new ActorChoice(rs.getLong(1), rs.getString(2)), ws.id()));
        Pages.render(ctx.status(status), "account/settings.jte", new SettingsPage(ui, ws, access.publicRead(),
                access.requireTotpForAdmins(), members, actors, message, problem));
    }

    private void saveAccess(Context ctx) {
        Workspace ws = workspace(ctx);
        accounts.setAccess(ws.id(), "1".equals(ctx.formParam("publicRead")), "1".equals(ctx.formParam("requireTotp")));
        ctx.redirect(Links.settings(ws.slug(), "access"), HttpStatus.SEE_OTHER);
    }

    private void saveMember(Context ctx) {
        Workspace ws = workspace(ctx);
        Ui ui = Requests.ui(ctx);
        String name = AccountController.stripped(ctx.formParam("name"));
        Account account = name == null ? null : accounts.find(name).orElse(null);
        if (account == null) {
            renderSettings(ctx, ws, 400, null, ui.t("admin.member.unknown", name == null ? "" : name));
            return;
        }
        String roleText = ctx.formParam("role");
        Role role;
        try {
            role = roleText == null || roleText.equals("NONE") ? null : Role.valueOf(roleText);
        } catch (IllegalArgumentException e) {
            renderSettings(ctx, ws, 400, null, ui.t("admin.member.badRole"));
            return;
        }
        Set<Long> actors = new LinkedHashSet<>();
        for (String a : ctx.formParams("actors")) {
            try {
                actors.add(Long.parseLong(a));
            } catch (NumberFormatException e) {
                renderSettings(ctx, ws, 400, null, ui.t("admin.member.badActor"));
                return;
            }
        }
        if (role == Role.MEMBER && actors.isEmpty()) {
            renderSettings(ctx, ws, 400, null, ui.t("admin.member.needsActor"));
            return;
        }
        accounts.setRole(account.id(), ws.id(), role, role == Role.MEMBER ? actors : Set.of());
        ctx.redirect(Links.settings(ws.slug(), "member"), HttpStatus.SEE_OTHER);
    }
}
