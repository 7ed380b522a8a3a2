package kusari.account;

import java.util.List;
import kusari.core.Ui;

/** The page records of sign-in, first-start setup, one's own account, and the administrators' pages. */
public final class AccountPages {

    private AccountPages() {
    }

    /** @param problem message of a refused sign-in, or null */
    public record LoginPage(Ui ui, String name, String next, String problem, boolean signedOut) {
    }

    public record SetupPage(Ui ui, String token, String name, String problem, boolean used) {
    }

    /** A token of one's own, as listed (never its secret). */
    public record TokenItem(long id, String label, String createdAt, String lastUsedAt, boolean revoked) {
    }

    /**
     * @param newToken      a token just created, shown this once
     * @param totpSecret    a second factor being set up (Base32), with its otpauth address
     * @param recoveryCodes recovery codes just made, shown this once
     */
    public record AccountPage(Ui ui, Account account, List<TokenItem> tokens, String newToken, String totpSecret,
                              String totpUri, List<String> recoveryCodes, String message, String problem) {
    }

    public record AccountRow(Account account, String roles) {
    }

    public record AccountsPage(Ui ui, List<AccountRow> accounts, String message, String problem) {
    }

    public record ChangeRow(long id, String workspace, String changedAt, String changedBy, String operation,
                            String summary) {
    }

    public record ChangesPage(Ui ui, List<String> authors, String by, String from, String to, List<ChangeRow> changes,
                              String problem) {
    }

    public record MemberRow(String name, String role, String actors) {
    }

    public record ActorChoice(long id, String name) {
    }

    public record SettingsPage(Ui ui, kusari.core.Workspace workspace, boolean publicRead,
                               boolean requireTotpForAdmins, List<MemberRow> members, List<ActorChoice> actors,
                               String message, String problem) {
    }
}
