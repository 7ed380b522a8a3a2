package kusari;

import kusari.core.AppConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.files.ArchiveRefused;
import kusari.files.DataFileProblem;
import kusari.files.ImportArchive;
import kusari.files.ImportReport;
import kusari.files.ImportReport.Item;
import kusari.files.ImportService;
import kusari.files.WorkspaceExporter;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.core.Ui;

/**
 * The command line: {@code java -jar kusari.jar <command> …}. Without a command the web server starts (App). Each
 * command returns its exit code rather than exiting, so tests run it in-process against a temporary database.
 * New commands (create-admin, backup…) add a case to {@link #run} and a line to {@link #USAGE}.
 */
public final class Cli {

    static final String USAGE = """
            Usage: java -jar kusari.jar [command]

              (no command)                      run the web server (KUSARI_PORT, KUSARI_DB, KUSARI_DATA)
              export --to <folder> [--workspace <slug>]
                                                write every workspace of the database (KUSARI_DB) as files:
                                                <folder>/personas/<workspace>/… and <folder>/journeys/<workspace>/…
              import <folder-or-zip> [--apply]  check workspace files and report what would be added, changed or
                                                removed; with --apply, import them (one transaction, recorded in
                                                the history)
              create-admin <name>               create an installation administrator; the password is read from
                                                standard input (first line)
              create-token <name> [--label <text>]
                                                print a new API token for the account <name> (shown only now)
              verify-history [--expect <hash>]  check the history's hash chain; reports the first broken entry; with
                                                --expect, also deleted newest entries (the hash from backup's .head)
              backup <file>                     consistent copy of the database while it is in use, checked and
                                                flushed to disk before it reports success
              restore <file>                    check a backup and put it in place of the database
              --version                         print the release
              help                              show this text
            """;

    private final AppConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final Ui ui;
    private final java.io.InputStream in;

    public Cli(AppConfig config, PrintStream out, PrintStream err, Map<String, String> env) {
        this(config, System.in, out, err, env);
    }

    public Cli(AppConfig config, java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.config = config;
        this.out = out;
        this.err = err;
        // Refusals come from the same message bundles as the web pages: Japanese when the terminal is.
        String lang = env.getOrDefault("LC_ALL", env.getOrDefault("LANG", ""));
        this.ui = new Ui(lang.toLowerCase(Locale.ROOT).startsWith("ja") ? Ui.Lang.JA : Ui.Lang.EN, "", "");
    }

    /** Runs one command; returns the process exit code (0 done, 1 refused or failed, 2 usage error). */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        // changes made from the command line (import --apply) name the operating-system user
        String who = "cli:" + System.getProperty("user.name", "unknown");
        return kusari.change.Authors.as(kusari.change.Authors.Author.unrestricted(who), () -> dispatch(args, rest));
    }

    private int dispatch(String[] args, List<String> rest) {
        try {
            return switch (args[0]) {
                case "export" -> export(rest);
                case "import" -> importFiles(rest);
                // accounts and operations
                case "create-admin" -> accountCommands().createAdmin(rest);
                case "create-token" -> accountCommands().createToken(rest);
                case "verify-history" -> verifyHistory(rest);
                case "backup" -> backup(rest);
                case "restore" -> restore(rest);
                case "--version", "version" -> {
                    out.println("kusari " + kusari.web.Operations.version());
                    yield 0;
                }
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> usage("unknown command \"" + args[0] + "\"");
            };
        } catch (UsageError e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String problem) {
        err.println("kusari: " + problem);
        err.print(USAGE);
        return 2;
    }

    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    /** Removes {@code --name value} from args and returns the value, or null when absent. */
    static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return null;
        }
        if (at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
            throw new UsageError(name + " needs a value");
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        return value;
    }

    private static boolean flag(List<String> args, String name) {
        return args.remove(name);
    }

    private static void noMore(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageError("unexpected argument \"" + args.get(0) + "\"");
        }
    }

    private Database database() {
        Database database = Database.open(config.dbFile());
        Migrations.apply(database);
        // history written before the hash chain existed joins it (never rewrites a hash)
        database.inTransaction(kusari.change.HistoryChain::sealAll);
        return database;
    }

    private AccountCommands accountCommands() {
        return new AccountCommands(this::database, config.sessionIdle(), in, out, err, ui);
    }

    // --- operations ---

    private int verifyHistory(List<String> args) {
        // --expect <hash>: the head hash kept outside the database (written beside each backup, or noted by a
        // monitor); deleting the newest entries leaves an intact chain, but not one that still holds that hash
        String expect = null;
        int at = args.indexOf("--expect");
        if (at >= 0) {
            if (at + 1 >= args.size() || !args.get(at + 1).matches("[0-9a-fA-F]{16,128}")) {
                throw new UsageError("--expect needs the head hash (hex) that verify-history or backup printed");
            }
            expect = args.get(at + 1).toLowerCase(java.util.Locale.ROOT);
            args.remove(at + 1);
            args.remove(at);
        }
        noMore(args);
        if (!Files.isRegularFile(config.dbFile())) {
            err.println("kusari: there is no database at " + config.dbFile().toAbsolutePath() + " (set KUSARI_DB)");
            return 1;
        }
        // Read as it is: sealing first would hide entries whose hash was removed. Only right after the upgrade
        // that added the chain (the migration ran just now) are the older entries sealed first, as a start would.
        Database database = Database.open(config.dbFile());
        if (Migrations.apply(database) > 0) {
            database.inTransaction(kusari.change.HistoryChain::sealAll);
        }
        var result = database.read(kusari.change.HistoryChain::verify);
        if (result.intact() && expect != null) {
            String expected = expect;
            long since = database.read(c -> kusari.db.Sql.queryOne(c,
                    "SELECT COUNT(*) FROM change_log WHERE id > (SELECT id FROM change_log WHERE hash = ?)",
                    rs -> rs.getLong(1), expected)).orElse(-1L);
            boolean known = database.read(c -> kusari.db.Sql.queryLong(c,
                    "SELECT COUNT(*) FROM change_log WHERE hash = ?", expected)) > 0;
            if (!known) {
                err.println("history truncated: the expected head " + expected + " is no longer in the history;"
                        + " the newest entries were deleted (" + result.checked() + " entries remain, newest hash "
                        + result.headHash() + ")");
                return 1;
            }
            out.println("history intact: " + result.checked() + " entries; the expected head is present, " + since
                    + " entries since; newest hash " + result.headHash());
            return 0;
        }
        if (result.intact()) {
            out.println("history intact: " + result.checked() + " entries; newest hash " + result.headHash());
            return 0;
        }
        err.println("history broken at entry " + result.brokenAt() + ": " + result.problem()
                + " (" + result.checked() + " entries before it are intact)");
        return 1;
    }

    private int backup(List<String> args) {
        if (args.size() != 1) {
            throw new UsageError("backup needs exactly one target file");
        }
        if (!Files.isRegularFile(config.dbFile())) {
            err.println("kusari: there is no database at " + config.dbFile().toAbsolutePath() + " (set KUSARI_DB)");
            return 1;
        }
        try {
            kusari.Backup.Check check = kusari.Backup.backup(database(), Path.of(args.get(0)));
            if (!check.ok()) {
                err.println("kusari: backup failed, nothing written: " + check.problem());
                return 1;
            }
            out.println("backup written to " + Path.of(args.get(0)).toAbsolutePath() + " (integrity ok, schema "
                    + check.schemaVersion() + ", " + check.historyEntries() + " history entries)");
            // the head hash kept outside the database: verify-history --expect <it> later notices truncation
            String head;
            // read-only and immutable: opening the copy must leave no -wal or -shm file beside it
            try (java.sql.Connection copy = java.sql.DriverManager.getConnection("jdbc:sqlite:file:"
                    + Path.of(args.get(0)).toAbsolutePath() + "?immutable=1")) {
                head = kusari.change.HistoryChain.head(copy).orElse("");
            } catch (java.sql.SQLException e) {
                err.println("kusari: the backup is written but its head hash cannot be read: " + e.getMessage());
                return 1;
            }
            Path headFile = Path.of(args.get(0) + ".head");
            Files.writeString(headFile, head + "\n");
            out.println("head hash " + (head.isEmpty() ? "(no history yet)" : head) + " written to " + headFile.toAbsolutePath());
            return 0;
        } catch (IOException e) {
            err.println("kusari: backup failed: " + e.getMessage());
            return 1;
        }
    }

    private int restore(List<String> args) {
        if (args.size() != 1) {
            throw new UsageError("restore needs exactly one backup file");
        }
        Database database = Database.open(config.dbFile());
        Migrations.apply(database);
        kusari.Backup.Check check = kusari.Backup.restore(database, Path.of(args.get(0)));
        if (!check.ok()) {
            err.println("kusari: not restored, the database is unchanged: " + check.problem());
            return 1;
        }
        out.println("restored " + config.dbFile().toAbsolutePath() + " from " + args.get(0) + " ("
                + check.historyEntries() + " history entries)");
        return 0;
    }

    // --- export ---

    private int export(List<String> args) {
        String to = option(args, "--to");
        String only = option(args, "--workspace");
        noMore(args);
        if (to == null) {
            throw new UsageError("export needs --to <folder>");
        }
        if (!Files.isRegularFile(config.dbFile())) {
            // Opening would create an empty database: a mistyped KUSARI_DB should say so, not export nothing.
            err.println("kusari: there is no database at " + config.dbFile().toAbsolutePath() + " (set KUSARI_DB)");
            return 1;
        }
        WorkspaceExporter exporter = new WorkspaceExporter(database());
        List<String> slugs = only == null ? exporter.slugs() : List.of(only);
        if (slugs.isEmpty()) {
            err.println("kusari: the database " + config.dbFile() + " holds no workspace; nothing exported");
            return 1;
        }
        Path folder = Path.of(to);
        try {
            for (String slug : slugs) {
                LoadedWorkspace ws = exporter.find(slug).orElse(null);
                if (ws == null) {
                    err.println("kusari: no workspace \"" + slug + "\" in " + config.dbFile());
                    return 1;
                }
                WorkspaceExporter.WriteResult result = WorkspaceExporter.writeTo(folder, ws);
                out.println("exported " + slug + ": " + result.written().size() + " file(s) to " + folder
                        + (result.removed().isEmpty() ? "" : ", removed " + String.join(", ", result.removed())));
            }
        } catch (IOException e) {
            err.println("kusari: cannot write to " + folder + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    // --- import ---

    private int importFiles(List<String> args) {
        boolean apply = flag(args, "--apply");
        if (args.isEmpty()) {
            throw new UsageError("import needs a folder or a .zip file");
        }
        Path source = Path.of(args.remove(0));
        noMore(args);
        Path unpacked = null;
        try {
            Path dataDir;
            if (Files.isDirectory(source)) {
                ImportArchive.checkFolder(source, ImportArchive.Limits.DEFAULT);
                dataDir = source;
            } else if (Files.isRegularFile(source)) {
                unpacked = Files.createTempDirectory("kusari-import");
                ImportArchive.unzip(source, unpacked, ImportArchive.Limits.DEFAULT);
                dataDir = unpacked;
            } else {
                err.println("kusari: " + source + " is neither a folder nor a file");
                return 1;
            }
            ImportService service = new ImportService(database());
            ImportReport report = service.dryRun(dataDir);
            print(report);
            if (!report.ok()) {
                err.println("Nothing was imported: fix the problems above and run the command again.");
                return 1;
            }
            if (!apply) {
                out.println("This was a dry run. Run again with --apply to import.");
                return 0;
            }
            ImportService.Result result = service.apply(dataDir, report.fingerprint());
            if (!result.applied()) {
                err.println("Nothing was imported: the database changed while checking; run the command again.");
                return 1;
            }
            out.println(report.nothingToDo() ? "Nothing to import: the database already holds these files."
                    : "Imported.");
            return 0;
        } catch (ArchiveRefused e) {
            err.println("kusari: " + ui.t(e.messageKey(), e.args()) + " " + ui.t("files.refused.nothingWritten"));
            return 1;
        } catch (IOException e) {
            err.println("kusari: cannot read " + source + ": " + e.getMessage());
            return 1;
        } finally {
            if (unpacked != null) {
                deleteQuietly(unpacked);
            }
        }
    }

    private void print(ImportReport report) {
        for (ImportReport.WorkspacePlan plan : report.workspaces()) {
            if (plan.isNew()) {
                out.println("new workspace " + plan.slug() + " (" + plan.name() + ")");
            } else if (plan.unchanged()) {
                out.println("workspace " + plan.slug() + ": no changes");
                continue;
            } else {
                out.println("workspace " + plan.slug() + " (" + plan.name() + "): " + plan.count(ImportReport.Kind.ADDED)
                        + " added, " + plan.count(ImportReport.Kind.CHANGED) + " changed, "
                        + plan.count(ImportReport.Kind.REMOVED) + " removed");
            }
            if (plan.actualsLost() > 0) {
                out.println("  ! " + plan.actualsLost() + " actual value(s) and evaluation(s) of indicators are not in the"
                        + " files and would be lost");
            }
            if (plan.openWorkshops() > 0) {
                out.println("  ! " + plan.openWorkshops() + " open workshop(s) would come back from the files closed:"
                        + " their phones could no longer post");
            }
            for (String entity : ImportReport.ENTITIES) {
                List<Item> items = plan.of(entity);
                // A new workspace: its people and journeys by name, everything else counted.
                if (plan.isNew() && !entity.equals("persona") && !entity.equals("journey")) {
                    if (!items.isEmpty()) {
                        out.println("  + " + items.size() + " " + entity + (items.size() == 1 ? "" : "s"));
                    }
                    continue;
                }
                for (Item item : items) {
                    out.println("  " + sign(item.change()) + " " + item.entity() + " " + item.label());
                }
            }
        }
        for (DataFileProblem problem : report.problems()) {
            err.println(problem);
        }
    }

    private static String sign(ImportReport.Kind kind) {
        return switch (kind) {
            case ADDED -> "+";
            case CHANGED -> "~";
            case REMOVED -> "-";
        };
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp folder is harmless; the system's temp cleaner takes it.
        }
    }
}
