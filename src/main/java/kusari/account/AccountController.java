package kusari.account;

import kusari.web.Access;
import kusari.web.Links;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import kusari.account.AccountPages.AccountPage;
import kusari.account.AccountPages.LoginPage;
import kusari.account.AccountPages.SetupPage;
import kusari.account.AccountPages.TokenItem;
import kusari.account.AccountService.AccountException;
import kusari.web.Requests;
import kusari.web.Transport;
import kusari.core.Ui;

/** Signing in and out, the first-start setup link, and one's own account (password, API tokens, second factor). */
public final class AccountController {

    private final AccountService accounts;
    private final Transport transport;

    public AccountController(AccountService accounts, Transport transport) {
        this.accounts = accounts;
        this.transport = transport;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.LOGIN, this::loginForm, Access.ANYONE),
                Route.post(Links.LOGIN, this::login, Access.ANYONE),
                Route.post(Links.LOGOUT, this::logout, Access.SIGNED_IN),
                Route.get(Links.SETUP, this::setupForm, Access.ANYONE),
                Route.post(Links.SETUP, this::setup, Access.ANYONE),
                Route.get(Links.ACCOUNT, this::account, Access.SIGNED_IN),
                Route.post(Links.ACCOUNT_PASSWORD, this::changePassword, Access.SIGNED_IN),
                Route.post(Links.ACCOUNT_TOKENS, this::createToken, Access.SIGNED_IN),
                Route.post(Links.ACCOUNT_TOKEN_REVOKE, this::revokeToken, Access.SIGNED_IN),
                Route.post(Links.ACCOUNT_TOTP_START, this::startTotp, Access.SIGNED_IN),
                Route.post(Links.ACCOUNT_TOTP_CONFIRM, this::confirmTotp, Access.SIGNED_IN),
                Route.post(Links.ACCOUNT_TOTP_REMOVE, this::removeTotp, Access.SIGNED_IN));
    }

    /** The sign-in page that returns to {@code next} afterwards. */
    static String loginPath(String next) {
        return Links.login(next);
    }

    /** Only paths of this site (no "//host", no scheme) are followed after signing in. */
    static String safeNext(String next) {
        String path = Links.sitePath(next);
        return path == null ? Links.workspaces() : path;
    }

    private void loginForm(Context ctx) {
        Ui ui = Requests.ui(ctx);
        Pages.render(ctx, "account/login.jte", new LoginPage(ui, "", safeNext(ctx.queryParam("next")), null,
                "1".equals(ctx.queryParam("out"))));
    }

    private void login(Context ctx) {
        Ui ui = Requests.ui(ctx);
        String name = stripped(ctx.formParam("name"));
        String next = safeNext(ctx.formParam("next"));
        AccountService.SignIn result = accounts.signIn(name, ctx.formParam("password"), ctx.formParam("code"),
                transport.clientAddress(ctx));
        if (!result.ok()) {
            int status = result.problem().equals("account.login.throttled") ? 429 : 401;
            Pages.render(ctx.status(status), "account/login.jte",
                    new LoginPage(ui, name == null ? "" : name, next, ui.t(result.problem()), false));
            return;
        }
        // A new token at every sign-in: a session id planted before sign-in is worthless afterwards.
        Principal before = Authorizer.principal(ctx);
        if (before.sessionToken() != null) {
            accounts.signOut(before.sessionToken());
        }
        Authorizer.setSessionCookie(ctx, result.sessionToken());
        // a department member asked for nothing in particular lands on its own department's page
        if (next.equals(Links.workspaces())) {
            next = accounts.memberLanding(result.account().id()).orElse(next);
        }
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        accounts.signOut(Authorizer.principal(ctx).sessionToken());
        Authorizer.clearSessionCookie(ctx);
        ctx.redirect(Links.signedOut(), HttpStatus.SEE_OTHER);
    }

    // ------------------------------------------------------------------ first start

    private void setupForm(Context ctx) {
        String token = ctx.pathParam("token");
        boolean valid = accounts.setupTokenValid(token);
        Pages.render(ctx.status(valid ? 200 : 410), "account/setup.jte",
                new SetupPage(Requests.ui(ctx), token, "", null, !valid));
    }

    private void setup(Context ctx) {
        Ui ui = Requests.ui(ctx);
        String token = ctx.pathParam("token");
        String name = stripped(ctx.formParam("name"));
        String password = ctx.formParam("password");
        if (password != null && !password.equals(ctx.formParam("password2"))) {
            Pages.render(ctx.status(400), "account/setup.jte",
                    new SetupPage(ui, token, name, ui.t("account.password.mismatch"), false));
            return;
        }
        try {
            Account admin = accounts.completeSetup(token, name, password);
            Authorizer.setSessionCookie(ctx, accounts.openSession(admin.id()));
            ctx.redirect(Links.account(null), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            boolean used = e.messageKey().equals("account.setup.used");
            Pages.render(ctx.status(used ? 410 : 400), "account/setup.jte",
                    new SetupPage(ui, token, name == null ? "" : name, ui.t(e.messageKey()), used));
        }
    }

    // ------------------------------------------------------------------ one's own account

    private void account(Context ctx) {
        String key = flash(ctx);
        render(ctx, 200, null, null, null, null, key == null ? null : ui(ctx).t(key), null);
    }

    private static String flash(Context ctx) {
        String done = ctx.queryParam("saved");
        return done != null && done.matches("[a-zA-Z.]{1,60}") ? "account.saved." + done : null;
    }

    private void render(Context ctx, int status, String newToken, String totpSecret, String totpUri,
                        List<String> recoveryCodes, String message, String problem) {
        Ui ui = ui(ctx);
        Account account = accounts.find(me(ctx).id()).orElseThrow();
        List<TokenItem> tokens = accounts.tokens(account.id()).stream()
                .map(t -> new TokenItem(t.id(), t.label(), t.createdAt(), t.lastUsedAt(), t.revokedAt() != null))
                .toList();
        if (totpSecret == null && !account.totpEnabled()) {
            totpSecret = accounts.pendingTotp(account.id()).orElse(null);
            if (totpSecret != null) {
                totpUri = Totp.uri("Kusari", account.name(), totpSecret);
            }
        }
        Pages.render(ctx.status(status), "account/account.jte", new AccountPage(ui, account, tokens, newToken,
                totpSecret, totpUri, recoveryCodes, message, problem));
    }

    private void changePassword(Context ctx) {
        String next = ctx.formParam("password");
        if (next != null && !next.equals(ctx.formParam("password2"))) {
            render(ctx, 400, null, null, null, null, null, ui(ctx).t("account.password.mismatch"));
            return;
        }
        try {
            // The current session stays, with a new token; every other session of the account ends.
            String fresh = Tokens.random("");
            accounts.changePassword(me(ctx).id(), ctx.formParam("current"), next, fresh);
            Authorizer.setSessionCookie(ctx, fresh);
            ctx.redirect(Links.account("password"), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            render(ctx, 400, null, null, null, null, null, ui(ctx).t(e.messageKey()));
        }
    }

    private void createToken(Context ctx) {
        try {
            String token = accounts.createToken(me(ctx).id(), ctx.formParam("label"));
            render(ctx, 201, token, null, null, null, ui(ctx).t("account.token.created"), null);
        } catch (AccountException e) {
            render(ctx, 400, null, null, null, null, null, ui(ctx).t(e.messageKey()));
        }
    }

    private void revokeToken(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        if (!accounts.revokeToken(me(ctx).id(), id)) {
            render(ctx, 404, null, null, null, null, null, ui(ctx).t("account.token.unknown"));
            return;
        }
        ctx.redirect(Links.account("tokenRevoked"), HttpStatus.SEE_OTHER);
    }

    private void startTotp(Context ctx) {
        Account me = me(ctx);
        String secret = accounts.startTotp(me.id());
        render(ctx, 200, null, secret, Totp.uri("Kusari", me.name(), secret), null, null, null);
    }

    private void confirmTotp(Context ctx) {
        try {
            List<String> codes = accounts.confirmTotp(me(ctx).id(), ctx.formParam("code"));
            render(ctx, 200, null, null, null, codes, ui(ctx).t("account.totp.enabled"), null);
        } catch (AccountException e) {
            render(ctx, 400, null, null, null, null, null, ui(ctx).t(e.messageKey()));
        }
    }

    private void removeTotp(Context ctx) {
        try {
            accounts.removeTotp(me(ctx).id(), ctx.formParam("password"));
            ctx.redirect(Links.account("totpRemoved"), HttpStatus.SEE_OTHER);
        } catch (AccountException e) {
            render(ctx, 400, null, null, null, null, null, ui(ctx).t(e.messageKey()));
        }
    }

    private static Account me(Context ctx) {
        // The route table lets only signed-in requests reach here.
        return Authorizer.principal(ctx).account();
    }

    private static Ui ui(Context ctx) {
        return Requests.ui(ctx);
    }

    /**
     * A name as typed, without surrounding spaces, and never shortened: a name over the limit is refused by the
     * account rules with a message (a cut one could even sign in as somebody else whose name begins the same).
     */
    static String stripped(String value) {
        return value == null ? null : value.strip();
    }
}
