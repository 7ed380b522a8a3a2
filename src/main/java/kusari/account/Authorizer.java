package kusari.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kusari.account.AccountRepository.AccessSetting;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.change.Authors;
import kusari.core.ForbiddenChangeException;
import kusari.web.Access;
import kusari.web.Requests;
import kusari.web.Gate;
import kusari.web.Transport;
import kusari.core.Ui;

/**
 * Authentication and authorisation of every request, in before-handlers registered once in {@code Server}:
 * {@link #authenticate} finds who sent the request (API token, else session cookie) and makes them the author of
 * any change this request writes; {@link #authorize} applies the {@link Access} the matched route was declared
 * with and lets the request through or refuses it before any controller runs.
 */
public final class Authorizer implements Gate {

    static final String COOKIE = "kusari_session";
    static final String SECURE_COOKIE = "__Host-kusari_session";
    private static final String PRINCIPAL = "kusari.principal";

    private final AccountService accounts;
    private final Database database;

    public Authorizer(AccountService accounts, Database database) {
        this.accounts = accounts;
        this.database = database;
    }

    /** The session cookie's name: with the __Host- prefix over HTTPS (Secure, Path=/, no Domain). */
    static String cookieName(Context ctx) {
        return Transport.isSecure(ctx) ? SECURE_COOKIE : COOKIE;
    }

    static void setSessionCookie(Context ctx, String token) {
        boolean secure = Transport.isSecure(ctx);
        ctx.cookie(new Cookie(cookieName(ctx), token, "/", -1, secure, true, null, SameSite.LAX));
    }

    static void clearSessionCookie(Context ctx) {
        boolean secure = Transport.isSecure(ctx);
        ctx.cookie(new Cookie(cookieName(ctx), "", "/", 0, secure, true, null, SameSite.LAX));
    }

    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p != null ? p : Principal.ANONYMOUS;
    }

    /** Before every request (before the CSRF check and the page context): who is asking. */
    public void authenticate(Context ctx) {
        Authors.clear();
        accounts.beginRequest();
        String header = ctx.header("Authorization");
        Principal principal = Principal.ANONYMOUS;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Account> account = accounts.tokenAccount(header.substring(7).strip());
            if (account.isEmpty()) {
                ctx.attribute("kusari.badToken", true);
            } else {
                principal = new Principal(account.get(), true, null, accounts.memberships(account.get().id()));
            }
        } else {
            String token = ctx.cookie(cookieName(ctx));
            Optional<Account> account = accounts.sessionAccount(token);
            if (account.isPresent()) {
                principal = new Principal(account.get(), false, token, accounts.memberships(account.get().id()));
            } else if (token != null) {
                clearSessionCookie(ctx);
                ctx.attribute("kusari.staleSession", true);
            }
        }
        ctx.attribute(PRINCIPAL, principal);
        Principal p = principal;
        ctx.attribute(Requests.VIEWER_ATTRIBUTE, new Ui.Viewer(p.name(), p.siteAdmin(),
                ws -> mayEdit(p, ws), (ws, action) -> mayEdit(p, ws) && ownsAction(p, ws, action),
                ws -> p.signedIn() && p.role(ws, accounts.access(ws)) != null
                        && p.role(ws, accounts.access(ws)).atLeast(Role.PLANNER),
                ws -> accounts.access(ws).publicRead() || p.role(ws, accounts.access(ws)) != null,
                p.signedIn() ? "account:" + p.account().id() : ""));
        if (principal.signedIn()) {
            Authors.set(new Authors.Author(principal.name(), guard(principal)));
        }
    }

    /** After every request: the thread goes back to the pool without an author. */
    public void forget(Context ctx) {
        Authors.clear();
        accounts.endRequest();
    }

    private boolean mayEdit(Principal p, long workspaceId) {
        if (!p.signedIn()) {
            return false;
        }
        Role role = p.role(workspaceId, accounts.access(workspaceId));
        return role != null && role.atLeast(Role.MEMBER);
    }

    /** Before every matched route: the {@link Access} it was declared with, applied. */
    public void authorize(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            // Static files, and HEAD requests, which Javalin answers without running the GET handler.
            return;
        }
        Ui ui = Requests.ui(ctx);
        if (Boolean.TRUE.equals(ctx.attribute("kusari.badToken"))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse(ui.t("account.refused.badToken"));
        }
        Principal principal = principal(ctx);
        Map<String, String> params = ctx.pathParamMap();
        // Every route is declared with its Access; one registered without (none is) is refused to everybody.
        Access need = ctx.routeRoles().stream().filter(Access.class::isInstance).map(Access.class::cast)
                .findFirst().map(a -> a.resolve(endpoint.path, params)).orElse(null);
        if (need == null) {
            throw new ForbiddenResponse(ui.t("account.refused.noRule"));
        }
        if (allowed(principal, need, params.get("ws"))) {
            if (need == Access.EDIT_OWN && !ownAction(principal, ctx, params)) {
                throw new ForbiddenResponse(ui.t("account.refused.notYourActor"));
            }
            return;
        }
        if (!principal.signedIn()) {
            boolean page = ctx.method() == io.javalin.http.HandlerType.GET && !ctx.path().startsWith("/api/");
            if (page) {
                ctx.redirect(AccountController.loginPath(ctx.path()), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse(ui.t(Boolean.TRUE.equals(ctx.attribute("kusari.staleSession"))
                    ? "account.refused.sessionOver" : "account.refused.signIn"));
        }
        throw new ForbiddenResponse(ui.t("account.refused.role"));
    }

    /**
     * A department member reaching one existing action (its edit form, or the API's /actions/{key}) must be
     * reaching one of their own: other departments' actions are read-only to them from the first click, not only
     * when they try to save (where the change guard refuses it again).
     */
    private boolean ownAction(Principal principal, Context ctx, Map<String, String> params) {
        String ws = params.get("ws");
        String id = params.containsKey("kind") ? ("actions".equals(params.get("kind")) ? params.get("id") : null)
                : ctx.path().matches("/api/v1/workspaces/[^/]+/actions/[^/]+(/.*)?") ? params.get("key") : null;
        if (ws == null || id == null || !id.matches("\\d{1,18}") || principal.siteAdmin()) {
            return true;
        }
        Long wsId = workspaceId(ws).orElse(null);
        if (wsId == null || principal.role(wsId, accounts.access(wsId)) != Role.MEMBER) {
            return true;
        }
        // An action that does not exist is left to the controller's 404.
        boolean exists = database.read(c -> Sql.queryLong(c, "SELECT COUNT(*) FROM action WHERE id = ?",
                Long.parseLong(id))) == 1;
        return !exists || ownsAction(principal, wsId, Long.parseLong(id));
    }

    /** A department member's own action (one of its actors is theirs); anyone else may edit every action. */
    private boolean ownsAction(Principal principal, long wsId, long actionId) {
        if (principal.siteAdmin() || principal.role(wsId, accounts.access(wsId)) != Role.MEMBER) {
            return true;
        }
        Set<Long> mine = principal.actors(wsId);
        List<Long> actors = database.read(c -> Sql.query(c, "SELECT actor_id FROM action_actor WHERE action_id = ?",
                rs -> rs.getLong(1), actionId));
        return actors.stream().anyMatch(mine::contains);
    }

    boolean allowed(Principal principal, Access need, String workspaceSlug) {
        switch (need) {
            case ANYONE:
                return true;
            case SIGNED_IN:
                return principal.signedIn();
            case SITE_ADMIN:
                return principal.siteAdmin();
            case ANY_ADMIN:
                return principal.siteAdmin() || !adminWorkspaces(principal).isEmpty();
            default:
                break;
        }
        Long ws = workspaceSlug == null ? null : workspaceId(workspaceSlug).orElse(null);
        if (ws == null) {
            // An unknown workspace: its controller answers 404 (READ; an installation administrator learns the
            // same), but nobody else edits what does not exist.
            return need == Access.READ || principal.siteAdmin();
        }
        AccessSetting setting = accounts.access(ws);
        Role role = principal.role(ws, setting);
        return switch (need) {
            case READ -> setting.publicRead() || role != null;
            case EDIT_OWN -> role != null && role.atLeast(Role.MEMBER);
            case EDIT -> role != null && role.atLeast(Role.PLANNER);
            case WS_ADMIN -> role == Role.ADMIN;
            default -> false;
        };
    }

    /** The workspaces in which this account acts as administrator (all of them for an installation administrator). */
    List<Long> adminWorkspaces(Principal principal) {
        return principal.memberships().keySet().stream()
                .filter(ws -> principal.role(ws, accounts.access(ws)) == Role.ADMIN).sorted().toList();
    }

    private Optional<Long> workspaceId(String slug) {
        return database.read(c -> Sql.queryOne(c, "SELECT id FROM workspace WHERE slug = ?", rs -> rs.getLong(1), slug));
    }

    /**
     * What this account may change, checked where every change is written: planners and administrators anything
     * in their workspaces; a department member only actions of their own actors (before and after the change);
     * anybody else nothing.
     */
    private Authors.ChangeGuard guard(Principal principal) {
        return (c, change) -> {
            Long ws = change.workspaceId();
            if (ws == null && principal.siteAdmin()) {
                return;
            }
            if (ws == null) {
                throw new ForbiddenChangeException("account.refused.role");
            }
            Role role = principal.role(ws, AccountRepository.access(c, ws));
            if (role != null && role.atLeast(Role.PLANNER)) {
                return;
            }
            if (role == Role.MEMBER && "action".equals(change.entity())
                    && owns(change.before(), principal.actors(ws)) && owns(change.after(), principal.actors(ws))) {
                return;
            }
            if (role == Role.MEMBER && INDICATOR_VALUES.contains(change.entity())
                    && answersFor(c, change.before(), principal.actors(ws))
                    && answersFor(c, change.after(), principal.actors(ws))) {
                return;
            }
            throw new ForbiddenChangeException(role == Role.MEMBER ? "account.refused.notYourActor" : "account.refused.role");
        };
    }

    /** The yearly values and reviews of an indicator, which the department that answers for it may enter. */
    private static final Set<String> INDICATOR_VALUES = Set.of("actual", "indicator_review");

    /**
     * Whether a department answers for the indicator of this state: the indicator is a KPI of a project it leads,
     * or an action indicator of a challenge answered by a project it leads. Goal indicators, and KPIs of a measure,
     * belong to the planners.
     */
    private static boolean answersFor(java.sql.Connection c, JsonNode state, Set<Long> actors) throws java.sql.SQLException {
        if (state == null || state.isNull()) {
            return true;
        }
        JsonNode indicator = state.get("indicator");
        if (indicator == null || !indicator.canConvertToLong() || actors.isEmpty()) {
            return false;
        }
        for (long actor : actors) {
            if (Sql.queryLong(c, """
                    SELECT COUNT(*) FROM indicator i
                    WHERE i.id = ? AND (
                        i.project_id IN (SELECT project_id FROM project_lead_actor WHERE actor_id = ?)
                        OR i.challenge_id IN (SELECT cp.challenge_id FROM challenge_project cp
                            JOIN project_lead_actor pla ON pla.project_id = cp.project_id WHERE pla.actor_id = ?))""",
                    indicator.asLong(), actor, actor) > 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean owns(JsonNode state, Set<Long> actors) {
        if (state == null || state.isNull()) {
            return true;
        }
        JsonNode list = state.get("actors");
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode actor : list) {
            if (actors.contains(actor.asLong())) {
                return true;
            }
        }
        return false;
    }
}
