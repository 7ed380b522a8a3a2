package kusari.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.ImportReport.Kind;
import kusari.files.ImportReport.WorkspacePlan;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.change.Summaries;
import kusari.change.Operation;

/**
 * Imports workspace files (a checked folder, see {@link ImportArchive}) into the database: first a dry run that says
 * what would be created, changed or removed and lists every problem with file and JSON path; then, on confirmation,
 * the same comparison again inside one write transaction, which replaces each existing workspace's content, inserts
 * the new ones, and records each in the audit history.
 */
public final class ImportService {

    private final Database database;

    public ImportService(Database database) {
        this.database = database;
    }

    /** What importing {@code dataDir} would do. Writes nothing. */
    public ImportReport dryRun(Path dataDir) {
        Loaded loaded = load(dataDir);
        return database.read(c -> compare(c, loaded));
    }

    /**
     * Applies the import if its files have no problem and the database is still in the state {@code fingerprint}
     * describes (null: don't check, for the command line's single step). Returns the report of what was done.
     */
    public Result apply(Path dataDir, String fingerprint) {
        Loaded loaded = load(dataDir);
        return database.inTransaction(c -> {
            ImportReport report = compare(c, loaded);
            if (!report.ok()) {
                return new Result(false, false, report);
            }
            if (fingerprint != null && !fingerprint.equals(report.fingerprint())) {
                return new Result(false, true, report);
            }
            for (LoadedWorkspace ws : loaded.workspaces()) {
                WorkspacePlan plan = report.workspaces().stream().filter(p -> p.slug().equals(ws.slug())).findFirst().orElseThrow();
                Optional<LoadedWorkspace> before = WorkspaceExporter.find(c, ws.slug());
                long id;
                if (before.isEmpty()) {
                    id = WorkspaceImporter.insert(c, ws);
                } else if (plan.unchanged()) {
                    continue;
                } else {
                    id = Sql.queryLong(c, "SELECT id FROM workspace WHERE slug = ?", ws.slug());
                    WorkspaceImporter.replace(c, id, ws);
                }
                ChangeLog.record(c, new Change(id, "workspace", id, Operation.IMPORT, summary(plan),
                        before.map(ImportService::tree).orElse(null), tree(ws)));
            }
            return new Result(true, false, report);
        });
    }

    /**
     * The outcome of {@link #apply}: {@code applied}, or refused because the files have problems, or because the
     * database changed since the dry run ({@code stale}, with the new report to show instead).
     */
    public record Result(boolean applied, boolean stale, ImportReport report) {
    }

    /**
     * The audit history's line, e.g. 「ファイルから取り込み: 追加 3・変更 2・削除 1」: stored in Japanese from its message,
     * and said again in the reader's language by {@link Summaries} (counts as plain digits, as they always were).
     */
    static String summary(WorkspacePlan plan) {
        if (plan.isNew()) {
            return Summaries.JAPANESE.t("files.history.importedNew", plan.name());
        }
        return Summaries.JAPANESE.t("files.history.imported", String.valueOf(plan.count(Kind.ADDED)),
                String.valueOf(plan.count(Kind.CHANGED)), String.valueOf(plan.count(Kind.REMOVED)));
    }

    /** A workspace's files as one JSON object {path: content}: the before/after of the audit history. */
    static JsonNode tree(LoadedWorkspace ws) {
        ObjectNode node = DataJson.mapper().createObjectNode();
        try {
            for (var f : WorkspaceExporter.files(ws)) {
                node.set(f.path(), DataJson.mapper().readTree(f.text()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The canonical printer writes JSON", e);
        }
        return node;
    }

    /**
     * Puts a workspace back into the state an {@link Operation#IMPORT} entry recorded ({@code tree}: its before or
     * after, as {@link #tree} wrote it), on the caller's connection. For the history's revert: reverting an import
     * restores the before-tree (in one transaction with the revert's own history entry).
     */
    public static void restore(Connection c, long workspaceId, JsonNode tree) throws SQLException {
        WorkspaceImporter.replace(c, workspaceId, fromTree(tree));
    }

    /** The workspace with this id as its file tree, as {@link #tree} writes it. */
    public static JsonNode currentTree(Connection c, long workspaceId) throws SQLException {
        String slug = Sql.queryOne(c, "SELECT slug FROM workspace WHERE id = ?", rs -> rs.getString(1), workspaceId)
                .orElseThrow();
        return tree(WorkspaceExporter.find(c, slug).orElseThrow());
    }

    /** The history's way to undo an import. */
    public static kusari.change.WorkspaceTrees trees() {
        return new kusari.change.WorkspaceTrees() {
            @Override
            public JsonNode current(Connection c, long workspaceId) throws SQLException {
                return currentTree(c, workspaceId);
            }

            @Override
            public void restore(Connection c, long workspaceId, JsonNode tree) throws SQLException {
                ImportService.restore(c, workspaceId, tree);
            }
        };
    }

    /** The inverse of {@link #tree}. */
    static LoadedWorkspace fromTree(JsonNode tree) {
        var mapper = DataJson.mapper();
        WorkspaceFiles.WorkspaceFile workspace = null;
        WorkspaceFiles.ActorsFile actors = null;
        WorkspaceFiles.FrameworkFile framework = null;
        WorkspaceFiles.ChallengesFile challenges = null;
        List<PersonaFile> personas = new ArrayList<>();
        List<JourneyFile> journeys = new ArrayList<>();
        try {
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                String path = field.getKey();
                JsonNode json = field.getValue();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (path.startsWith("personas/")) {
                    personas.add(mapper.treeToValue(json, PersonaFile.class));
                } else if (name.equals("workspace.json")) {
                    workspace = mapper.treeToValue(json, WorkspaceFiles.WorkspaceFile.class);
                } else if (name.equals("actors.json")) {
                    actors = mapper.treeToValue(json, WorkspaceFiles.ActorsFile.class);
                } else if (name.equals("framework.json")) {
                    framework = mapper.treeToValue(json, WorkspaceFiles.FrameworkFile.class);
                } else if (name.equals("challenges.json")) {
                    challenges = mapper.treeToValue(json, WorkspaceFiles.ChallengesFile.class);
                } else {
                    journeys.add(mapper.treeToValue(json, JourneyFile.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a workspace tree recorded by an import: " + e.getOriginalMessage(), e);
        }
        if (workspace == null || actors == null || framework == null || challenges == null) {
            throw new IllegalArgumentException("Not a workspace tree recorded by an import: a workspace file is missing");
        }
        return new LoadedWorkspace(workspace, actors, framework, challenges, personas, journeys);
    }

    // --- reading the files ---

    private record Loaded(List<LoadedWorkspace> workspaces, List<DataFileProblem> problems) {
    }

    private static Loaded load(Path dataDir) {
        WorkspaceLoader loader = new WorkspaceLoader(dataDir);
        List<DataFileProblem> problems = new ArrayList<>();
        List<String> slugs = loader.workspaceSlugs();
        for (String orphan : folders(dataDir.resolve("personas"))) {
            if (!slugs.contains(orphan)) {
                problems.add(new DataFileProblem("personas/" + orphan, "$",
                        "has no journeys/" + orphan + "/ folder: a workspace needs its workspace.json, actors.json, framework.json and challenges.json there"));
            }
        }
        if (slugs.isEmpty() && problems.isEmpty()) {
            problems.add(new DataFileProblem("journeys", "$", "no workspace found: expected journeys/<workspace>/workspace.json"));
        }
        List<LoadedWorkspace> workspaces = new ArrayList<>();
        for (String slug : slugs) {
            try {
                workspaces.add(loader.load(slug));
            } catch (DataFileException e) {
                problems.addAll(e.problems());
            }
        }
        return new Loaded(workspaces, problems);
    }

    private static List<String> folders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    // --- comparing with the database ---

    private static ImportReport compare(Connection c, Loaded loaded) throws SQLException {
        List<WorkspacePlan> plans = new ArrayList<>();
        MessageDigest digest = sha256();
        for (LoadedWorkspace incoming : loaded.workspaces()) {
            Optional<LoadedWorkspace> current = WorkspaceExporter.find(c, incoming.slug());
            digest.update((incoming.slug() + "\n").getBytes(StandardCharsets.UTF_8));
            current.ifPresent(ws -> WorkspaceExporter.fileMap(ws).forEach((path, text) ->
                    digest.update((path + "\n" + text).getBytes(StandardCharsets.UTF_8))));
            WorkspacePlan plan = WorkspaceDiff.plan(current.orElse(null), incoming);
            if (!plan.unchanged() && current.isPresent()) {
                // actuals of goal indicators and KPIs travel in framework.json; what the files cannot hold
                // (action indicators' values, reviews, interim targets) is what replacing the workspace drops.
                plan = withActualsLost(plan, Sql.queryLong(c, """
                        SELECT (SELECT count(*) FROM actual a JOIN indicator i ON i.id = a.indicator_id
                                JOIN workspace w ON w.id = i.workspace_id WHERE w.slug = ? AND i.kind = 'ACTION')
                             + (SELECT count(*) FROM evaluation e JOIN indicator i ON i.id = e.indicator_id
                                JOIN workspace w ON w.id = i.workspace_id WHERE w.slug = ?)
                             + (SELECT count(*) FROM indicator_review r JOIN indicator i ON i.id = r.indicator_id
                                JOIN workspace w ON w.id = i.workspace_id WHERE w.slug = ?)
                             + (SELECT count(*) FROM interim_target t JOIN indicator i ON i.id = t.indicator_id
                                JOIN workspace w ON w.id = i.workspace_id WHERE w.slug = ?)
                             + (SELECT count(*) FROM project p JOIN workspace w ON w.id = p.workspace_id
                                JOIN project_review x ON x.project_id = p.id
                                WHERE w.slug = ?)
                             + (SELECT count(*) FROM review_setting r JOIN workspace w ON w.id = r.workspace_id
                                WHERE w.slug = ?)""",
                        incoming.slug(), incoming.slug(), incoming.slug(), incoming.slug(), incoming.slug(),
                        incoming.slug()));
                plan = withOpenWorkshops(plan, Sql.queryLong(c, """
                        SELECT count(*) FROM workshop k JOIN workspace w ON w.id = k.workspace_id
                        WHERE w.slug = ? AND k.status = 'OPEN'""", incoming.slug()));
            }
            plans.add(plan);
        }
        // Also fold in the workspaces' versions: an edit that the files cannot show still makes the report stale.
        Sql.query(c, "SELECT slug, version FROM workspace ORDER BY slug", rs -> {
            digest.update((rs.getString(1) + ":" + rs.getLong(2) + "\n").getBytes(StandardCharsets.UTF_8));
            return null;
        });
        return new ImportReport(plans, loaded.problems(), HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    private static WorkspacePlan withActualsLost(WorkspacePlan p, long lost) {
        return new WorkspacePlan(p.slug(), p.name(), p.isNew(), p.items(), p.files(), lost, p.openWorkshops());
    }

    private static WorkspacePlan withOpenWorkshops(WorkspacePlan p, long open) {
        return new WorkspacePlan(p.slug(), p.name(), p.isNew(), p.items(), p.files(), p.actualsLost(), open);
    }
}
