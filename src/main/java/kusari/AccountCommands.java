package kusari;

import kusari.core.Ui;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import kusari.account.AccountService;
import kusari.db.Database;

/**
 * The command-line commands about accounts: {@code create-admin} (the way in on a server nobody has signed in to
 * yet) and {@code create-token} (an API token for scripts). {@link Cli} parses the command and hands them over.
 */
final class AccountCommands {

    private final Supplier<Database> database;
    private final Duration sessionIdle;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Ui ui;

    /** @param database opens the database when a command needs it (a usage error opens nothing) */
    AccountCommands(Supplier<Database> database, Duration sessionIdle, InputStream in, PrintStream out,
                    PrintStream err, Ui ui) {
        this.database = database;
        this.sessionIdle = sessionIdle;
        this.in = in;
        this.out = out;
        this.err = err;
        this.ui = ui;
    }

    private AccountService accounts() {
        return new AccountService(database.get(), Clock.systemUTC(), sessionIdle);
    }

    /** Creates an installation administrator; the password comes on standard input, never on the command line. */
    int createAdmin(List<String> args) {
        if (args.size() != 1) {
            throw new Cli.UsageError("create-admin needs exactly one account name");
        }
        String name = args.get(0);
        String password;
        try {
            password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            err.println("kusari: cannot read the password from standard input: " + e.getMessage());
            return 1;
        }
        if (password == null) {
            err.println("kusari: give the password on standard input, e.g. read -rs PW; echo \"$PW\" | java -jar kusari.jar create-admin " + name);
            return 1;
        }
        try {
            accounts().create(name, password, true);
        } catch (AccountService.AccountException e) {
            err.println("kusari: " + ui.t(e.messageKey()));
            return 1;
        }
        out.println("created administrator " + name);
        return 0;
    }

    /** Prints a new API token of an active account; it is shown only now (only its hash is kept). */
    int createToken(List<String> args) {
        String label = Cli.option(args, "--label");
        if (args.size() != 1) {
            throw new Cli.UsageError("create-token needs exactly one account name");
        }
        AccountService accounts = accounts();
        var account = accounts.find(args.get(0)).orElse(null);
        if (account == null || account.disabled()) {
            err.println("kusari: no active account \"" + args.get(0) + "\"");
            return 1;
        }
        out.println(accounts.createToken(account.id(), label == null ? "command line" : label));
        return 0;
    }
}
