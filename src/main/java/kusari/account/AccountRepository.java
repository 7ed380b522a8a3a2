package kusari.account;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kusari.db.Sql;

/** All SQL of accounts, memberships, sessions, tokens, recovery codes and workspace access settings. */
final class AccountRepository {

    private AccountRepository() {
    }

    private static final String ACCOUNT = "SELECT id, name, site_admin, disabled, totp_secret IS NOT NULL AS totp FROM account";

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("name"), rs.getInt("site_admin") == 1,
                rs.getInt("disabled") == 1, rs.getInt("totp") == 1);
    }

    static Optional<Account> byName(Connection c, String name) throws SQLException {
        return Sql.queryOne(c, ACCOUNT + " WHERE name = ?", AccountRepository::account, name);
    }

    static Optional<Account> byId(Connection c, long id) throws SQLException {
        return Sql.queryOne(c, ACCOUNT + " WHERE id = ?", AccountRepository::account, id);
    }

    static List<Account> all(Connection c) throws SQLException {
        return Sql.query(c, ACCOUNT + " ORDER BY name", AccountRepository::account);
    }

    static Optional<String> passwordHash(Connection c, long id) throws SQLException {
        return Sql.queryOne(c, "SELECT password_hash FROM account WHERE id = ?", rs -> rs.getString(1), id);
    }

    static long insert(Connection c, String name, String passwordHash, boolean siteAdmin, Instant now) throws SQLException {
        return Sql.insert(c, """
                INSERT INTO account (name, password_hash, site_admin, created_at, password_changed_at)
                VALUES (?, ?, ?, ?, ?)""", name, passwordHash, siteAdmin ? 1 : 0, now.toString(), now.toString());
    }

    static void setPassword(Connection c, long id, String passwordHash, Instant now) throws SQLException {
        Sql.update(c, "UPDATE account SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                passwordHash, now.toString(), id);
    }

    static void setDisabled(Connection c, long id, boolean disabled) throws SQLException {
        Sql.update(c, "UPDATE account SET disabled = ? WHERE id = ?", disabled ? 1 : 0, id);
    }

    static boolean anySiteAdmin(Connection c) throws SQLException {
        return Sql.queryLong(c, "SELECT COUNT(*) FROM account WHERE site_admin = 1 AND disabled = 0") > 0;
    }

    // ------------------------------------------------------------------ roles

    record Membership(Role role, Set<Long> actorIds) {
    }

    static Map<Long, Membership> memberships(Connection c, long accountId) throws SQLException {
        Map<Long, Membership> result = new java.util.HashMap<>();
        for (var row : Sql.query(c, "SELECT workspace_id, role FROM workspace_member WHERE account_id = ?",
                rs -> Map.entry(rs.getLong(1), Role.valueOf(rs.getString(2))), accountId)) {
            Set<Long> actors = new TreeSet<>(Sql.query(c, """
                    SELECT ma.actor_id FROM member_actor ma JOIN actor a ON a.id = ma.actor_id
                    WHERE ma.account_id = ? AND a.workspace_id = ?""", rs -> rs.getLong(1), accountId, row.getKey()));
            result.put(row.getKey(), new Membership(row.getValue(), actors));
        }
        return result;
    }

    static void setRole(Connection c, long accountId, long workspaceId, Role role, Set<Long> actorIds) throws SQLException {
        Sql.update(c, "DELETE FROM member_actor WHERE account_id = ? AND actor_id IN (SELECT id FROM actor WHERE workspace_id = ?)",
                accountId, workspaceId);
        Sql.update(c, "DELETE FROM workspace_member WHERE account_id = ? AND workspace_id = ?", accountId, workspaceId);
        if (role == null) {
            return;
        }
        Sql.update(c, "INSERT INTO workspace_member (account_id, workspace_id, role) VALUES (?, ?, ?)",
                accountId, workspaceId, role.name());
        for (long actor : actorIds) {
            Sql.update(c, """
                    INSERT INTO member_actor (account_id, actor_id)
                    SELECT ?, id FROM actor WHERE id = ? AND workspace_id = ?""", accountId, actor, workspaceId);
        }
    }

    // ------------------------------------------------------------------ sessions

    static void insertSession(Connection c, String tokenHash, long accountId, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO account_session (token_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
                tokenHash, accountId, now.toString(), now.toString());
    }

    record SessionRow(long accountId, Instant createdAt, Instant lastSeenAt) {
    }

    static Optional<SessionRow> session(Connection c, String tokenHash) throws SQLException {
        return Sql.queryOne(c, "SELECT account_id, created_at, last_seen_at FROM account_session WHERE token_hash = ?",
                rs -> new SessionRow(rs.getLong(1), Instant.parse(rs.getString(2)), Instant.parse(rs.getString(3))),
                tokenHash);
    }

    static void touchSession(Connection c, String tokenHash, Instant now) throws SQLException {
        Sql.update(c, "UPDATE account_session SET last_seen_at = ? WHERE token_hash = ?", now.toString(), tokenHash);
    }

    static void deleteSession(Connection c, String tokenHash) throws SQLException {
        Sql.update(c, "DELETE FROM account_session WHERE token_hash = ?", tokenHash);
    }

    static void deleteSessions(Connection c, long accountId) throws SQLException {
        Sql.update(c, "DELETE FROM account_session WHERE account_id = ?", accountId);
    }

    static void deleteSessionsSeenBefore(Connection c, Instant cutoff) throws SQLException {
        Sql.update(c, "DELETE FROM account_session WHERE last_seen_at < ?", cutoff.toString());
    }

    // ------------------------------------------------------------------ API tokens

    record TokenRow(long id, String label, String createdAt, String lastUsedAt, String revokedAt) {
    }

    static long insertToken(Connection c, long accountId, String label, String tokenHash, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO api_token (account_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)",
                accountId, label, tokenHash, now.toString());
    }

    static Optional<Long> accountOfToken(Connection c, String tokenHash) throws SQLException {
        return Sql.queryOne(c, "SELECT account_id FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                rs -> rs.getLong(1), tokenHash);
    }

    static void tokenUsed(Connection c, String tokenHash, Instant now) throws SQLException {
        Sql.update(c, "UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", now.toString(), tokenHash);
    }

    static List<TokenRow> tokens(Connection c, long accountId) throws SQLException {
        return Sql.query(c, "SELECT id, label, created_at, last_used_at, revoked_at FROM api_token WHERE account_id = ? ORDER BY id",
                rs -> new TokenRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                accountId);
    }

    static int revokeToken(Connection c, long accountId, long tokenId, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL",
                now.toString(), tokenId, accountId);
    }

    // ------------------------------------------------------------------ second factor

    static Optional<String> totpSecret(Connection c, long accountId) throws SQLException {
        return Sql.queryOne(c, "SELECT totp_secret FROM account WHERE id = ? AND totp_secret IS NOT NULL",
                rs -> rs.getString(1), accountId);
    }

    static Optional<String> totpPending(Connection c, long accountId) throws SQLException {
        return Sql.queryOne(c, "SELECT totp_pending FROM account WHERE id = ? AND totp_pending IS NOT NULL",
                rs -> rs.getString(1), accountId);
    }

    static Long totpLastStep(Connection c, long accountId) throws SQLException {
        return Sql.queryOne(c, "SELECT totp_last_step FROM account WHERE id = ?", rs -> Sql.getLong(rs, "totp_last_step"),
                accountId).orElse(null);
    }

    static void setTotpPending(Connection c, long accountId, String secret) throws SQLException {
        Sql.update(c, "UPDATE account SET totp_pending = ? WHERE id = ?", secret, accountId);
    }

    static void confirmTotp(Connection c, long accountId, long step) throws SQLException {
        Sql.update(c, "UPDATE account SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ? WHERE id = ?",
                step, accountId);
    }

    static void totpUsed(Connection c, long accountId, long step) throws SQLException {
        Sql.update(c, "UPDATE account SET totp_last_step = ? WHERE id = ?", step, accountId);
    }

    static void removeTotp(Connection c, long accountId) throws SQLException {
        Sql.update(c, "UPDATE account SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = ?", accountId);
        Sql.update(c, "DELETE FROM recovery_code WHERE account_id = ?", accountId);
    }

    static void replaceRecoveryCodes(Connection c, long accountId, List<String> hashes) throws SQLException {
        Sql.update(c, "DELETE FROM recovery_code WHERE account_id = ?", accountId);
        for (String hash : hashes) {
            Sql.update(c, "INSERT INTO recovery_code (account_id, code_hash) VALUES (?, ?)", accountId, hash);
        }
    }

    static boolean useRecoveryCode(Connection c, long accountId, String hash, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL",
                now.toString(), accountId, hash) == 1;
    }

    // ------------------------------------------------------------------ setup link

    static void replaceSetupToken(Connection c, String tokenHash, Instant now) throws SQLException {
        Sql.update(c, "DELETE FROM setup_token WHERE used_at IS NULL");
        Sql.update(c, "INSERT INTO setup_token (token_hash, created_at) VALUES (?, ?)", tokenHash, now.toString());
    }

    static boolean setupTokenValid(Connection c, String tokenHash) throws SQLException {
        return Sql.queryLong(c, "SELECT COUNT(*) FROM setup_token WHERE token_hash = ? AND used_at IS NULL", tokenHash) == 1;
    }

    static boolean useSetupToken(Connection c, String tokenHash, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE setup_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                now.toString(), tokenHash) == 1;
    }

    // ------------------------------------------------------------------ workspace access

    record AccessSetting(boolean publicRead, boolean requireTotpForAdmins) {
        static final AccessSetting DEFAULT = new AccessSetting(true, false);
    }

    static AccessSetting access(Connection c, long workspaceId) throws SQLException {
        return Sql.queryOne(c, "SELECT public_read, require_totp_admins FROM workspace_access WHERE workspace_id = ?",
                rs -> new AccessSetting(rs.getInt(1) == 1, rs.getInt(2) == 1), workspaceId).orElse(AccessSetting.DEFAULT);
    }

    static void setAccess(Connection c, long workspaceId, AccessSetting setting) throws SQLException {
        Sql.update(c, """
                INSERT INTO workspace_access (workspace_id, public_read, require_totp_admins) VALUES (?, ?, ?)
                ON CONFLICT (workspace_id) DO UPDATE SET public_read = excluded.public_read,
                                                         require_totp_admins = excluded.require_totp_admins""",
                workspaceId, setting.publicRead() ? 1 : 0, setting.requireTotpForAdmins() ? 1 : 0);
    }
}
