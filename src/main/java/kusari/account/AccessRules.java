package kusari.account;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may use which route: the one table of the application's authorisation. Every route registered in
 * {@code Server} must match a rule here; a request to a route without one is refused for everybody
 * ({@link Authorizer}), and {@code AuthorisationMatrixTest} lists every registered route against every role so
 * a new route cannot be forgotten. Rules are read top to bottom; the first whose method and path template match
 * decides. Paths are route templates as registered ({@code /w/{ws}/edit/{kind}/{id}}); {@code *} stands for one
 * segment, {@code **} for the rest of the path.
 *
 * <p>What the needs mean (in the workspace named by {@code {ws}}):
 * <ul>
 * <li>ANYONE: no account needed.</li>
 * <li>SIGNED_IN: any account (one's own password, tokens, second factor; signing out).</li>
 * <li>READ: the workspace is readable without login, or the account has any role in it.</li>
 * <li>EDIT_OWN: department member or more. What a member may change is checked where every change is written
 *     (the change guard of {@code kusari.change.Authors}): only the actions of their own actors.</li>
 * <li>EDIT: planner or administrator of the workspace.</li>
 * <li>EDIT_BY_KIND: EDIT_OWN for actions and for indicators' yearly values and reviews, WS_ADMIN to delete the
 *     workspace itself, else EDIT.</li>
 * <li>WS_ADMIN: administrator of the workspace (its settings and who has which role in it).</li>
 * <li>ANY_ADMIN: administrator of at least one workspace (the history by person and date, of their workspaces).</li>
 * <li>SITE_ADMIN: administrator of the installation (accounts, new workspaces, copies, imports, the trash of
 *     workspaces, the history of every workspace by person and date).</li>
 * </ul>
 */
public final class AccessRules {

    public enum Need { ANYONE, SIGNED_IN, READ, EDIT_OWN, EDIT, EDIT_BY_KIND, WS_ADMIN, ANY_ADMIN, SITE_ADMIN }

    public record Rule(String methods, String template, Need need, Pattern pattern) {
        boolean matches(HandlerType method, String path) {
            return (methods.equals("*") || List.of(methods.split(",")).contains(method.name()))
                    && pattern.matcher(path).matches();
        }
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(String methods, String template, Need need) {
        String regex = Pattern.quote(template).replace("/**", "\u0001").replace("*", "\\E[^/]+\\Q")
                .replace("\u0001", "\\E(/.*)?\\Q");
        RULES.add(new Rule(methods, template, need, Pattern.compile(regex)));
    }

    private static final String WRITE = "POST,PUT,PATCH,DELETE";

    static {
        // ---- signing in, one's own account, the first-start setup link
        rule("GET", "/", Need.ANYONE);
        rule("GET,POST", "/login", Need.ANYONE);
        rule("POST", "/logout", Need.SIGNED_IN);
        rule("GET,POST", "/setup/{token}", Need.ANYONE);
        rule("GET", "/account", Need.SIGNED_IN);
        rule("POST", "/account/**", Need.SIGNED_IN);
        rule("GET", "/admin/changes", Need.ANY_ADMIN);
        rule("GET,POST", "/admin/**", Need.SITE_ADMIN);
        rule("GET", "/api/v1/openapi.json", Need.ANYONE);
        // ---- whole workspaces: creating, copying, importing, the trash of deleted ones
        rule("GET,POST", "/workspaces/new", Need.SITE_ADMIN);
        rule("GET", "/workspaces/trash", Need.SITE_ADMIN);
        rule("POST", "/workspaces/trash/**", Need.SITE_ADMIN);
        rule("GET,POST", "/import/**", Need.SITE_ADMIN);
        rule("GET,POST", "/w/{ws}/copy", Need.SITE_ADMIN);
        rule("GET", "/api/v1/workspaces", Need.ANYONE);
        rule("POST", "/api/v1/workspaces", Need.SITE_ADMIN);
        rule("POST", "/api/v1/workspaces/{ws}/copy", Need.SITE_ADMIN);
        rule("DELETE", "/api/v1/workspaces/{ws}", Need.WS_ADMIN);
        rule("PATCH", "/api/v1/workspaces/{ws}", Need.EDIT);
        // ---- a workspace's settings and members
        rule("GET,POST", "/w/{ws}/settings/**", Need.WS_ADMIN);
        rule("POST", "/w/{ws}/chain-check/settings", Need.WS_ADMIN);
        // ---- editing
        rule("GET,POST", "/w/{ws}/edit/{kind}/**", Need.EDIT_BY_KIND);
        rule("POST", "/w/{ws}/links/{link}", Need.EDIT);
        rule("POST", "/w/{ws}/actors/{id}/names", Need.EDIT);
        // The yearly review: department members enter the values and comments of the indicators they answer for
        // (the change guard checks which); planners all of them.
        rule("POST", "/w/{ws}/review/{year}/**", Need.EDIT_OWN);
        rule("POST", "/w/{ws}/history/{change}/revert", Need.EDIT_OWN);
        rule("GET", "/w/{ws}/journeys/{slug}/edit", Need.EDIT_OWN);
        rule("POST", "/w/{ws}/journeys/{slug}/steps/{step}/actions", Need.EDIT_OWN);
        rule("POST", "/w/{ws}/chain-check/**", Need.EDIT);
        rule(WRITE, "/api/v1/workspaces/{ws}/actions/**", Need.EDIT_OWN);
        rule(WRITE, "/api/v1/workspaces/{ws}/actuals/**", Need.EDIT_OWN);
        rule(WRITE, "/api/v1/workspaces/{ws}/indicator-reviews/**", Need.EDIT_OWN);
        rule(WRITE, "/api/v1/workspaces/{ws}/reviews/**", Need.EDIT_OWN);
        rule(WRITE, "/api/v1/workspaces/{ws}/history/{change}/revert", Need.EDIT_OWN);
        rule(WRITE, "/api/v1/workspaces/{ws}/**", Need.EDIT);
        // ---- reading
        rule("GET", "/w/{ws}/**", Need.READ);
        rule("GET", "/api/v1/workspaces/{ws}/**", Need.READ);
    }

    private AccessRules() {
    }

    /** The need of a route, or empty when no rule covers it (then nobody may use it). */
    public static Optional<Need> need(HandlerType method, String template) {
        if (method == HandlerType.HEAD) {
            method = HandlerType.GET;  // a HEAD is a GET without the body
        }
        HandlerType m = method;
        return RULES.stream().filter(r -> r.matches(m, template)).findFirst().map(Rule::need);
    }

    public static List<Rule> rules() {
        return List.copyOf(RULES);
    }

    /** EDIT_BY_KIND resolved with the route's {kind} (a collection name such as "actions"). */
    static Need byKind(Need need, HandlerType method, String template, Map<String, String> params) {
        if (need != Need.EDIT_BY_KIND) {
            return need;
        }
        String kind = params.getOrDefault("kind", "");
        if (kind.equals("actions") || kind.equals("actuals") || kind.equals("indicator-reviews")) {
            return Need.EDIT_OWN;
        }
        if (kind.equals("workspaces") && template.endsWith("/delete")) {
            return Need.WS_ADMIN;
        }
        return Need.EDIT;
    }
}
