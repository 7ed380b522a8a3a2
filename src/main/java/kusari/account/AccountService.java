package kusari.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kusari.account.AccountRepository.AccessSetting;
import kusari.account.AccountRepository.Membership;
import kusari.db.Database;

/**
 * Accounts: sign-in (throttled, with the optional second factor), sessions that expire after inactivity,
 * passwords, API tokens, the second factor and its recovery codes, the first-start setup link, roles.
 * Sessions ({@link Sessions}), API tokens ({@link ApiTokens}) and the second factor ({@link SecondFactor}) each
 * keep their own rules; this service is what the pages and the command line call.
 */
public final class AccountService {

    private final Database database;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final ApiTokens apiTokens;
    private final SecondFactor secondFactor;

    /** @param idleTimeout a session unused this long is over (KUSARI_SESSION_IDLE_MINUTES) */
    public AccountService(Database database, Clock clock, Duration idleTimeout) {
        this.database = database;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock);
        this.sessions = new Sessions(database, clock, idleTimeout);
        this.apiTokens = new ApiTokens(database, clock);
        this.secondFactor = new SecondFactor(database, clock);
    }

    public Duration idleTimeout() {
        return sessions.idleTimeout();
    }

    // ------------------------------------------------------------------ sign-in

    /** The outcome of a sign-in: a session token, or the message key of the refusal. */
    public record SignIn(String sessionToken, Account account, String problem) {
        public boolean ok() {
            return sessionToken != null;
        }
    }

    public SignIn signIn(String name, String password, String code, String address) {
        String who = name == null ? "" : name.strip();
        if (!throttle.allowed(who, address)) {
            return new SignIn(null, null, "account.login.throttled");
        }
        Optional<Account> found = who.isEmpty() || who.length() > 64 ? Optional.empty()
                : database.read(c -> AccountRepository.byName(c, who));
        String stored = found.flatMap(a -> database.read(c -> AccountRepository.passwordHash(c, a.id()))).orElse(null);
        boolean passwordOk = stored != null && password != null && password.length() <= Passwords.MAX_LENGTH
                && Passwords.verify(password, stored);
        if (stored == null) {
            Passwords.spendTime();
        }
        if (!passwordOk || found.get().disabled()) {
            throttle.failed(who, address);
            return new SignIn(null, null, "account.login.wrong");
        }
        Account account = found.get();
        if (account.totpEnabled() && !secondFactor.accepts(account.id(), code)) {
            throttle.failed(who, address);
            return new SignIn(null, null, code == null || code.isBlank() ? "account.login.codeNeeded" : "account.login.codeWrong");
        }
        throttle.succeeded(who);
        if (Passwords.needsRehash(stored)) {
            String rehashed = Passwords.hash(password);
            database.inTransaction(c -> {
                AccountRepository.setPassword(c, account.id(), rehashed, clock.instant());
                return null;
            });
        }
        return new SignIn(openSession(account.id()), account, null);
    }

    /**
     * Opens a session for an account already authenticated by other means (the setup link right after creating
     * the administrator; tests). Returns the cookie's token.
     */
    public String openSession(long accountId) {
        return sessions.open(accountId);
    }

    /** The account of a session cookie, if the session is current; refreshes its last use. */
    public Optional<Account> sessionAccount(String token) {
        return sessions.account(token);
    }

    public void signOut(String token) {
        sessions.close(token);
    }

    // ------------------------------------------------------------------ accounts and passwords

    public Optional<Account> find(String name) {
        return database.read(c -> AccountRepository.byName(c, name));
    }

    public Optional<Account> find(long id) {
        return database.read(c -> AccountRepository.byId(c, id));
    }

    public List<Account> all() {
        return database.read(AccountRepository::all);
    }

    /** Null when the name is acceptable, else the message key. */
    static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "account.name.required";
        }
        if (!name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
            return "account.name.invalid";
        }
        return null;
    }

    /** Creates an account; throws {@link AccountException} with a message key when refused. */
    public Account create(String name, String password, boolean siteAdmin) {
        String n = name == null ? null : name.strip();
        String problem = nameProblem(n);
        if (problem == null) {
            problem = Passwords.problem(password);
        }
        if (problem == null && find(n).isPresent()) {
            problem = "account.name.taken";
        }
        if (problem != null) {
            throw new AccountException(problem);
        }
        String hash = Passwords.hash(password);
        long id = database.inTransaction(c -> AccountRepository.insert(c, n, hash, siteAdmin, clock.instant()));
        return find(id).orElseThrow();
    }

    /** Changes one's own password after checking the current one; ends every other session of the account. */
    public void changePassword(long accountId, String current, String next, String keepSessionToken) {
        checkCurrentPassword(accountId, current);
        setPassword(accountId, next, keepSessionToken);
    }

    /**
     * The password of a signed-in account, asked again before changing it or removing the second factor; wrong
     * guesses count towards the same throttle as sign-ins, so a borrowed session cannot try passwords freely.
     */
    private void checkCurrentPassword(long accountId, String current) {
        String name = find(accountId).map(Account::name).orElseThrow();
        if (!throttle.allowed(name, "self")) {
            throw new AccountException("account.login.throttled");
        }
        String stored = database.read(c -> AccountRepository.passwordHash(c, accountId)).orElseThrow();
        if (current == null || current.length() > Passwords.MAX_LENGTH || !Passwords.verify(current, stored)) {
            throttle.failed(name, "self");
            throw new AccountException("account.password.currentWrong");
        }
    }

    /** An administrator sets a new password: every session of the account ends. */
    public void resetPassword(long accountId, String next) {
        setPassword(accountId, next, null);
    }

    private void setPassword(long accountId, String next, String keepSessionToken) {
        String problem = Passwords.problem(next);
        if (problem != null) {
            throw new AccountException(problem);
        }
        String hash = Passwords.hash(next);
        database.inTransaction(c -> {
            AccountRepository.setPassword(c, accountId, hash, clock.instant());
            AccountRepository.deleteSessions(c, accountId);
            if (keepSessionToken != null) {
                AccountRepository.insertSession(c, Tokens.sha256(keepSessionToken), accountId, clock.instant());
            }
            return null;
        });
    }

    /** Disabling ends the account's sessions; its API tokens stop working while it is disabled. */
    public void setDisabled(long accountId, boolean disabled) {
        database.inTransaction(c -> {
            AccountRepository.setDisabled(c, accountId, disabled);
            if (disabled) {
                AccountRepository.deleteSessions(c, accountId);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ roles and workspace settings

    public Map<Long, Membership> memberships(long accountId) {
        return database.read(c -> AccountRepository.memberships(c, accountId));
    }

    /**
     * Where a department member starts: the page of its department (the first of its actors by the directory's
     * order) when it is a member of exactly one workspace; empty for everyone else.
     */
    public Optional<String> memberLanding(long accountId) {
        Map<Long, Membership> all = memberships(accountId);
        if (all.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<Long, Membership> only = all.entrySet().iterator().next();
        if (only.getValue().role() != Role.MEMBER || only.getValue().actorIds().isEmpty()) {
            return Optional.empty();
        }
        String ids = only.getValue().actorIds().toString();
        return database.read(c -> kusari.db.Sql.queryOne(c, """
                SELECT w.slug, a.id FROM actor a JOIN workspace w ON w.id = a.workspace_id
                WHERE a.workspace_id = ? AND a.id IN (SELECT value FROM json_each(?)) ORDER BY a.position, a.id LIMIT 1""",
                rs -> kusari.web.Links.actor(rs.getString(1), rs.getLong(2)), only.getKey(), ids));
    }

    public void setRole(long accountId, long workspaceId, Role role, Set<Long> actorIds) {
        database.inTransaction(c -> {
            AccountRepository.setRole(c, accountId, workspaceId, role, actorIds);
            return null;
        });
    }

    /**
     * The access settings of each workspace asked about during the current request on this thread, between
     * {@link #beginRequest} and {@link #endRequest}: a page asks "may this person edit here?" once per action it
     * shows, and the answer does not change within one request. The next request reads them again, so a changed
     * setting or role counts from the next click on.
     */
    private final ThreadLocal<Map<Long, AccessSetting>> requestAccess = new ThreadLocal<>();

    /** The start of a request on this thread: access settings are read at most once each until {@link #endRequest}. */
    public void beginRequest() {
        requestAccess.set(new java.util.HashMap<>());
    }

    public void endRequest() {
        requestAccess.remove();
    }

    public AccessSetting access(long workspaceId) {
        Map<Long, AccessSetting> known = requestAccess.get();
        if (known == null) {
            return database.read(c -> AccountRepository.access(c, workspaceId));
        }
        AccessSetting setting = known.get(workspaceId);
        if (setting == null) {
            setting = database.read(c -> AccountRepository.access(c, workspaceId));
            known.put(workspaceId, setting);
        }
        return setting;
    }

    public void setAccess(long workspaceId, boolean publicRead, boolean requireTotpForAdmins) {
        database.inTransaction(c -> {
            AccountRepository.setAccess(c, workspaceId, new AccessSetting(publicRead, requireTotpForAdmins));
            return null;
        });
        Map<Long, AccessSetting> known = requestAccess.get();
        if (known != null) {
            known.remove(workspaceId);  // the rest of this request sees the new setting
        }
    }

    // ------------------------------------------------------------------ API tokens

    /** A new API token: the returned text is shown once; only its hash is kept. */
    public String createToken(long accountId, String label) {
        return apiTokens.create(accountId, label);
    }

    public Optional<Account> tokenAccount(String token) {
        return apiTokens.account(token);
    }

    public List<AccountRepository.TokenRow> tokens(long accountId) {
        return apiTokens.of(accountId);
    }

    public boolean revokeToken(long accountId, long tokenId) {
        return apiTokens.revoke(accountId, tokenId);
    }

    // ------------------------------------------------------------------ second factor

    /** Starts setting up TOTP: a new secret, not in force until a code from it is confirmed. */
    public String startTotp(long accountId) {
        return secondFactor.start(accountId);
    }

    public Optional<String> pendingTotp(long accountId) {
        return secondFactor.pending(accountId);
    }

    /** Confirms the pending secret with a code from it; returns the ten recovery codes (shown once). */
    public List<String> confirmTotp(long accountId, String code) {
        return secondFactor.confirm(accountId, code);
    }

    /** Turns the second factor off, after checking the password. */
    public void removeTotp(long accountId, String password) {
        checkCurrentPassword(accountId, password);
        secondFactor.remove(accountId);
    }

    // ------------------------------------------------------------------ first start

    /** While no administrator exists: a new one-time setup token (earlier unused ones stop working); else empty. */
    public Optional<String> issueSetupToken() {
        if (database.read(AccountRepository::anySiteAdmin)) {
            return Optional.empty();
        }
        String token = Tokens.random("");
        database.inTransaction(c -> {
            AccountRepository.replaceSetupToken(c, Tokens.sha256(token), clock.instant());
            return null;
        });
        return Optional.of(token);
    }

    public boolean setupTokenValid(String token) {
        return token != null && token.length() < 100
                && database.read(c -> AccountRepository.setupTokenValid(c, Tokens.sha256(token)));
    }

    /** Creates the first administrator with a setup token, which is used up (a second use is refused). */
    public Account completeSetup(String token, String name, String password) {
        if (!setupTokenValid(token)) {
            throw new AccountException("account.setup.used");
        }
        String n = name == null ? null : name.strip();
        String problem = nameProblem(n) != null ? nameProblem(n) : Passwords.problem(password);
        if (problem != null) {
            throw new AccountException(problem);
        }
        // The token is used up first, atomically: of two people racing with the same link, one wins.
        boolean used = database.inTransaction(c -> AccountRepository.useSetupToken(c, Tokens.sha256(token), clock.instant()));
        if (!used) {
            throw new AccountException("account.setup.used");
        }
        return create(n, password, true);
    }

    /** A refusal with the message key that explains it. */
    public static final class AccountException extends RuntimeException {
        private final String messageKey;

        public AccountException(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }
}
