package kusari.web;

import io.javalin.security.RouteRole;
import java.util.Map;
import java.util.Set;

/**
 * Who may use a route, declared with the route itself ({@link Route}) and checked by the {@link Gate} before any
 * handler runs. Each constant says what it needs in the workspace named by the route's {@code {ws}}.
 */
public enum Access implements RouteRole {

    /** No account needed. */
    ANYONE,
    /** Any account: one's own password, tokens, second factor; signing out. */
    SIGNED_IN,
    /** The workspace is readable without login, or the account has any role in it. */
    READ,
    /**
     * Department member or more. What a member may change is checked where every change is written (the change
     * guard of {@code kusari.change.Authors}): only the actions of their own actors, and the yearly values and
     * reviews of the indicators they answer for.
     */
    EDIT_OWN,
    /** Planner or administrator of the workspace. */
    EDIT,
    /**
     * The form routes of every kind ({@code /w/{ws}/edit/{kind}/...}): what {@link #toChange} says for the
     * {@code {kind}} named in the request, and WS_ADMIN to delete the workspace itself.
     */
    EDIT_BY_KIND,
    /** Administrator of the workspace: its settings and who has which role in it. */
    WS_ADMIN,
    /** Administrator of at least one workspace: the history by person and date, of their workspaces. */
    ANY_ADMIN,
    /**
     * Administrator of the installation: accounts, new workspaces, copies, imports, the trash of workspaces, the
     * history of every workspace by person and date.
     */
    SITE_ADMIN;

    /**
     * The collections department members write: actions, and indicators' yearly values and reviews. The change
     * guard then checks that the action is one of their actors' and that the indicator is one they answer for.
     */
    private static final Set<String> MEMBERS_WRITE = Set.of("actions", "actuals", "indicator-reviews");

    /** The need to change an entity of a collection (an API collection name such as "steps"). */
    public static Access toChange(String collection) {
        return MEMBERS_WRITE.contains(collection) ? EDIT_OWN : EDIT;
    }

    /**
     * This need for one request: EDIT_BY_KIND resolved with the request's {@code {kind}}, every other need as it
     * is. {@code template} is the route's path template (deleting a workspace ends in {@code /delete}).
     */
    public Access resolve(String template, Map<String, String> pathParams) {
        if (this != EDIT_BY_KIND) {
            return this;
        }
        String kind = pathParams.getOrDefault("kind", "");
        if (kind.equals("workspaces") && template.endsWith("/delete")) {
            return WS_ADMIN;
        }
        return toChange(kind);
    }
}
