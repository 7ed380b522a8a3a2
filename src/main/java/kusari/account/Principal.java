package kusari.account;

import java.util.Map;
import kusari.account.AccountRepository.AccessSetting;
import kusari.account.AccountRepository.Membership;

/**
 * Who sent a request: an account (with its roles per workspace) or nobody. Made once per request by
 * {@link Authorizer#authenticate}.
 *
 * @param account     null for an anonymous request
 * @param viaToken    signed in by an API token rather than a session cookie
 * @param sessionToken the session cookie's token, when signed in by one
 */
public record Principal(Account account, boolean viaToken, String sessionToken, Map<Long, Membership> memberships) {

    public static final Principal ANONYMOUS = new Principal(null, false, null, Map.of());

    public boolean signedIn() {
        return account != null;
    }

    public String name() {
        return account == null ? null : account.name();
    }

    public boolean siteAdmin() {
        return account != null && account.siteAdmin();
    }

    /**
     * This account's role in a workspace, or null. An installation administrator is administrator everywhere. An
     * administrator without a second factor in a workspace that requires one acts as a planner there.
     */
    public Role role(long workspaceId, AccessSetting setting) {
        if (account == null) {
            return null;
        }
        Role role = siteAdmin() ? Role.ADMIN : memberships.containsKey(workspaceId) ? memberships.get(workspaceId).role() : null;
        if (role == Role.ADMIN && setting.requireTotpForAdmins() && !account.totpEnabled()) {
            return Role.PLANNER;
        }
        return role;
    }

    /** The actors a department member acts for in a workspace (empty for other roles). */
    public java.util.Set<Long> actors(long workspaceId) {
        Membership m = memberships.get(workspaceId);
        return m == null ? java.util.Set.of() : m.actorIds();
    }
}
