package kusari.files;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.WorkspaceFiles.ActionEntry;
import kusari.files.WorkspaceFiles.ActorEntry;
import kusari.files.WorkspaceFiles.NameEntry;
import kusari.files.WorkspaceFiles.ActorsFile;
import kusari.files.WorkspaceFiles.Baseline;
import kusari.files.WorkspaceFiles.BudgetEntry;
import kusari.files.WorkspaceFiles.ChallengeEntry;
import kusari.files.WorkspaceFiles.ChallengesFile;
import kusari.files.WorkspaceFiles.FrameworkFile;
import kusari.files.WorkspaceFiles.IndicatorEntry;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceFiles.NodeEntry;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.files.WorkspaceFiles.PlanPeriod;
import kusari.files.WorkspaceFiles.ProjectEntry;
import kusari.files.WorkspaceFiles.ProjectLink;
import kusari.files.WorkspaceFiles.RoleEntry;
import kusari.files.WorkspaceFiles.StepEntry;
import kusari.files.WorkspaceFiles.Target;
import kusari.files.WorkspaceFiles.WorkspaceFile;

/**
 * Reads a workspace out of the database into the records of the file format, and writes those as files (a folder or
 * a zip). The inverse of {@link WorkspaceImporter}: export after import gives back the same canonical files.
 */
public final class WorkspaceExporter {

    private final Database database;

    public WorkspaceExporter(Database database) {
        this.database = database;
    }

    /** One file of an export: its path inside the data folder ({@code journeys/omitama/b.json}) and its text. */
    public record ExportFile(String path, String text) {
    }

    /** The slugs of every workspace in the database. */
    public List<String> slugs() {
        return database.read(c -> Sql.query(c, "SELECT slug FROM workspace ORDER BY slug", rs -> rs.getString(1)));
    }

    public Optional<LoadedWorkspace> find(String slug) {
        return database.read(c -> find(c, slug));
    }

    static Optional<LoadedWorkspace> find(Connection c, String slug) throws SQLException {
        Optional<Long> id = Sql.queryOne(c, "SELECT id FROM workspace WHERE slug = ?", rs -> rs.getLong(1), slug);
        return id.isPresent() ? Optional.of(new Reader(c, id.get()).read()) : Optional.empty();
    }

    /** What a file of the format may be called: slugs only, so an export can never write outside its folder. */
    private static final java.util.regex.Pattern FILE_PATH =
            java.util.regex.Pattern.compile("(personas|journeys)/[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*\\.json");

    /** The files of a workspace, in the order Canonicalize lists them, each in canonical form. */
    public static List<ExportFile> files(LoadedWorkspace ws) {
        List<ExportFile> files = Canonicalize.files(Path.of(""), ws).stream()
                .map(f -> new ExportFile(f.path().toString().replace('\\', '/'), DataJson.canonical(f.content())))
                .toList();
        for (ExportFile f : files) {
            if (!FILE_PATH.matcher(f.path()).matches()) {
                throw new IllegalStateException("Cannot export " + f.path() + ": a slug must be lower-case letters, digits and '-'");
            }
        }
        return files;
    }

    /** The same files keyed by path: what import compares and what the audit history stores. */
    public static Map<String, String> fileMap(LoadedWorkspace ws) {
        Map<String, String> map = new LinkedHashMap<>();
        files(ws).forEach(f -> map.put(f.path(), f.text()));
        return map;
    }

    /** Writes the workspaces as a zip with {@code personas/<ws>/…} and {@code journeys/<ws>/…} at its root. */
    public static void writeZip(List<LoadedWorkspace> workspaces, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (LoadedWorkspace ws : workspaces) {
            for (ExportFile f : files(ws)) {
                ZipEntry entry = new ZipEntry(f.path());
                zip.putNextEntry(entry);
                zip.write(f.text().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        zip.finish();
    }

    /**
     * Writes a workspace under {@code folder}, replacing what an earlier export left there: a {@code .json} file
     * in the workspace's two folders that the workspace no longer has (a deleted journey) is removed, so that the
     * folder holds exactly the workspace. Returns the paths written and removed, relative to {@code folder}.
     */
    public static WriteResult writeTo(Path folder, LoadedWorkspace ws) throws IOException {
        List<ExportFile> files = files(ws);
        List<String> written = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String dir : List.of("personas/" + ws.slug(), "journeys/" + ws.slug())) {
            Path d = folder.resolve(dir);
            Files.createDirectories(d);
            try (var listing = Files.list(d)) {
                for (Path p : listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    String rel = dir + "/" + p.getFileName();
                    if (files.stream().noneMatch(f -> f.path().equals(rel))) {
                        Files.delete(p);
                        removed.add(rel);
                    }
                }
            }
        }
        for (ExportFile f : files) {
            Files.writeString(folder.resolve(f.path()), f.text(), StandardCharsets.UTF_8);
            written.add(f.path());
        }
        return new WriteResult(written, removed);
    }

    public record WriteResult(List<String> written, List<String> removed) {
    }

    /** The queries of one workspace's export, on one connection (one consistent snapshot). */
    private static final class Reader {
        private final Connection c;
        private final long ws;

        Reader(Connection c, long workspaceId) {
            this.c = c;
            this.ws = workspaceId;
        }

        LoadedWorkspace read() throws SQLException {
            WorkspaceFile workspace = Sql.queryOne(c, "SELECT * FROM workspace WHERE id = ?", rs -> new WorkspaceFile(
                    rs.getString("slug"), rs.getString("name"), rs.getString("full_name"), rs.getString("municipality"),
                    municipalities(rs.getString("municipality")), rs.getString("published"), new PlanPeriod(rs.getInt("plan_from"), rs.getInt("plan_to")),
                    levels(), levelsEn(), codePatterns(), rs.getString("description"), rs.getString("source"), about(),
                    readings("WORKSPACE").getOrDefault(ws, List.of())), ws).orElseThrow();
            Map<Long, List<String>> actorReadings = readings("ACTOR");
            Map<Long, List<NameEntry>> names = Sql.queryGrouped(c, """
                    SELECT n.actor_id, n.from_fiscal_year, n.name FROM actor_name n JOIN actor a ON a.id = n.actor_id
                    WHERE a.workspace_id = ? ORDER BY n.actor_id, n.from_fiscal_year""",
                    rs -> rs.getLong(1), rs -> new NameEntry(rs.getInt(2), rs.getString(3)), ws);
            ActorsFile actors = new ActorsFile(Sql.query(c,
                    "SELECT id, name, kind FROM actor WHERE workspace_id = ? ORDER BY position, id",
                    rs -> {
                        List<NameEntry> history = names.getOrDefault(rs.getLong(1), List.of());
                        // One name since the start is the default and stays out of the file.
                        return new ActorEntry(rs.getString(2), rs.getString(3), history.size() > 1 ? history : List.of(),
                                actorReadings.getOrDefault(rs.getLong(1), List.of()));
                    }, ws));
            return new LoadedWorkspace(workspace, actors, framework(), challenges(), personas(), journeys());
        }

        /**
         * The strategy's municipalities as the file keeps them: left out ([]) where they are just the one
         * {@code municipality}, so that the file of a single municipality reads as it always did.
         */
        private List<String> municipalities(String municipality) throws SQLException {
            List<String> list = Sql.query(c,
                    "SELECT name FROM workspace_municipality WHERE workspace_id = ? ORDER BY position",
                    rs -> rs.getString(1), ws);
            return list.isEmpty() || list.equals(List.of(municipality)) ? List.of() : list;
        }

        /** The strategy around its chain, or null when the files gave none. */
        private WorkspaceFiles.AboutEntry about() throws SQLException {
            Optional<String[]> row = Sql.queryOne(c, """
                    SELECT slogan, progress_management, interviews FROM strategy_about WHERE workspace_id = ?""",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, ws);
            if (row.isEmpty()) {
                return null;
            }
            List<WorkspaceFiles.GoalMapping> goals = Sql.query(c, """
                    SELECT national_goal, city_goal, policy_field_code FROM national_goal WHERE workspace_id = ?
                    ORDER BY position""",
                    rs -> new WorkspaceFiles.GoalMapping(rs.getString(1), rs.getString(2), rs.getString(3)), ws);
            Map<Long, List<WorkspaceFiles.SurveyRow>> rows = Sql.queryGrouped(c, """
                    SELECT survey_position, label, cell_values FROM survey_row WHERE workspace_id = ?
                    ORDER BY survey_position, position""",
                    rs -> rs.getLong(1), rs -> new WorkspaceFiles.SurveyRow(rs.getString(2), lines(rs.getString(3))), ws);
            List<WorkspaceFiles.SurveyEntry> surveys = Sql.query(c, """
                    SELECT position, policy_field_code, question, columns FROM survey_result WHERE workspace_id = ?
                    ORDER BY position""",
                    rs -> new WorkspaceFiles.SurveyEntry(rs.getString(2), rs.getString(3), lines(rs.getString(4)),
                            rows.getOrDefault(rs.getLong(1), List.of())), ws);
            String[] about = row.get();
            return new WorkspaceFiles.AboutEntry(about[0], statements("PRINCIPLE"), statements("VIEWPOINT"), goals,
                    about[1], about[2], surveys);
        }

        private List<WorkspaceFiles.Statement> statements(String kind) throws SQLException {
            return Sql.query(c, """
                    SELECT title, text FROM strategy_statement WHERE workspace_id = ? AND kind = ? ORDER BY position""",
                    rs -> new WorkspaceFiles.Statement(rs.getString(1), rs.getString(2)), ws, kind);
        }

        /** Cells kept one per line; an empty text is no cell at all. */
        private static List<String> lines(String text) {
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        }

        private List<String> codePatterns() throws SQLException {
            return Sql.query(c, "SELECT pattern FROM framework_code_pattern WHERE workspace_id = ? ORDER BY depth",
                    rs -> rs.getString(1), ws);
        }

        /** What English pages call the levels, from the top; none (and left out of the file) when not given. */
        private List<String> levelsEn() throws SQLException {
            return Sql.query(c, "SELECT label FROM framework_level_en WHERE workspace_id = ? ORDER BY depth",
                    rs -> rs.getString(1), ws);
        }

        private List<String> levels() throws SQLException {
            return Sql.query(c, "SELECT label FROM framework_level WHERE workspace_id = ? ORDER BY depth",
                    rs -> rs.getString(1), ws);
        }

        // --- framework.json ---

        private record NodeRow(long id, Long parentId, String code, String title, String description) {
        }

        private record ProjectRow(long id, long nodeId, String code, String name, String description, boolean chain) {
        }

        private FrameworkFile framework() throws SQLException {
            List<NodeRow> nodes = Sql.query(c, """
                    SELECT id, parent_id, code, title, description FROM framework_node
                    WHERE workspace_id = ? ORDER BY depth, position, id""",
                    rs -> new NodeRow(rs.getLong("id"), Sql.getLong(rs, "parent_id"), rs.getString("code"),
                            rs.getString("title"), rs.getString("description")), ws);
            List<ProjectRow> projects = Sql.query(c, """
                    SELECT id, node_id, code, name, description, experience_chain FROM project
                    WHERE workspace_id = ? ORDER BY position, id""",
                    rs -> new ProjectRow(rs.getLong("id"), rs.getLong("node_id"), rs.getString("code"), rs.getString("name"),
                            rs.getString("description"), rs.getInt("experience_chain") == 1), ws);
            Map<Long, List<IndicatorEntry>> nodeIndicators = indicators("node_id");
            Map<Long, List<String>> nodeReadings = readings("FRAMEWORK_NODE");
            Map<Long, List<IndicatorEntry>> projectIndicators = indicators("project_id");
            Map<Long, List<String>> leads = Sql.queryGrouped(c, """
                    SELECT pla.project_id, a.name FROM project_lead_actor pla JOIN actor a ON a.id = pla.actor_id
                    WHERE a.workspace_id = ? ORDER BY pla.project_id, pla.position""",
                    rs -> rs.getLong(1), rs -> rs.getString(2), ws);
            Map<Long, List<BudgetEntry>> budgets = Sql.queryGrouped(c, """
                    SELECT b.project_id, b.fiscal_year, b.thousand_yen FROM budget b JOIN project p ON p.id = b.project_id
                    WHERE p.workspace_id = ? ORDER BY b.project_id, b.fiscal_year""",
                    rs -> rs.getLong(1), rs -> new BudgetEntry(rs.getInt(2), rs.getLong(3)), ws);
            // project_role has no position: the order of insertion (rowid) is the file's order.
            Map<Long, List<RoleEntry>> roles = Sql.queryGrouped(c, """
                    SELECT r.project_id, r.municipality, r.role, r.share_percent FROM project_role r
                    JOIN project p ON p.id = r.project_id
                    WHERE p.workspace_id = ? ORDER BY r.project_id, r.rowid""",
                    rs -> rs.getLong(1), rs -> new RoleEntry(rs.getString(2), rs.getString(3),
                            decimal(rs, "share_percent")), ws);
            // budgets by funding source (in the order of FundingSource) and roadmaps
            Map<Long, List<WorkspaceFiles.SourceEntry>> sources = Sql.queryGrouped(c, """
                    SELECT s.project_id, s.fiscal_year, s.source, s.thousand_yen FROM budget_source s
                    JOIN project p ON p.id = s.project_id WHERE p.workspace_id = ?
                    ORDER BY s.project_id, s.fiscal_year, CASE s.source WHEN 'NATIONAL' THEN 1 WHEN 'PREFECTURE' THEN 2
                             WHEN 'BOND' THEN 3 WHEN 'OTHER' THEN 4 ELSE 5 END""",
                    rs -> rs.getLong(1), rs -> new WorkspaceFiles.SourceEntry(rs.getInt(2), rs.getString(3), rs.getLong(4)), ws);
            Map<Long, List<WorkspaceFiles.RoadmapEntry>> roadmaps = Sql.queryGrouped(c, """
                    SELECT r.project_id, r.fiscal_year, r.text, r.track FROM roadmap_entry r
                    JOIN project p ON p.id = r.project_id WHERE p.workspace_id = ?
                    ORDER BY r.project_id, r.fiscal_year, r.id""",
                    rs -> rs.getLong(1), rs -> new WorkspaceFiles.RoadmapEntry(rs.getString(4), rs.getInt(2),
                            rs.getString(3)), ws);
            Map<Long, List<String>> readings = readings("PROJECT");

            Map<Long, List<ProjectEntry>> projectsByNode = new LinkedHashMap<>();
            for (ProjectRow p : projects) {
                projectsByNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(new ProjectEntry(p.code(), p.name(),
                        p.description(), p.chain(), leads.getOrDefault(p.id(), List.of()),
                        projectIndicators.getOrDefault(p.id(), List.of()), budgets.getOrDefault(p.id(), List.of()),
                        roles.getOrDefault(p.id(), List.of()), sources.getOrDefault(p.id(), List.of()),
                        roadmaps.getOrDefault(p.id(), List.of()), readings.getOrDefault(p.id(), List.of())));
            }
            Map<Long, List<NodeRow>> children = new LinkedHashMap<>();
            for (NodeRow n : nodes) {
                children.computeIfAbsent(n.parentId() == null ? -1L : n.parentId(), k -> new ArrayList<>()).add(n);
            }
            return new FrameworkFile(nodeEntries(-1L, children, nodeIndicators, projectsByNode, nodeReadings));
        }

        private static List<NodeEntry> nodeEntries(long parent, Map<Long, List<NodeRow>> children,
                                                   Map<Long, List<IndicatorEntry>> indicators,
                                                   Map<Long, List<ProjectEntry>> projects,
                                                   Map<Long, List<String>> readings) {
            List<NodeEntry> entries = new ArrayList<>();
            for (NodeRow n : children.getOrDefault(parent, List.of())) {
                entries.add(new NodeEntry(n.code(), n.title(), n.description(), indicators.getOrDefault(n.id(), List.of()),
                        nodeEntries(n.id(), children, indicators, projects, readings),
                        projects.getOrDefault(n.id(), List.of()), readings.getOrDefault(n.id(), List.of())));
            }
            return entries;
        }

        private Map<Long, List<IndicatorEntry>> indicators(String ownerColumn) throws SQLException {
            // each indicator's values by fiscal year travel with it
            Map<Long, List<WorkspaceFiles.ActualEntry>> actuals = Sql.queryGrouped(c, """
                    SELECT a.indicator_id, a.fiscal_year, a.state, a.value, a.data_date, a.source, a.note
                    FROM actual a JOIN indicator i ON i.id = a.indicator_id
                    WHERE i.workspace_id = ? ORDER BY a.indicator_id, a.fiscal_year""",
                    rs -> rs.getLong(1), rs -> new WorkspaceFiles.ActualEntry(rs.getInt("fiscal_year"),
                            rs.getString("state"), decimal(rs, "value"), rs.getString("data_date"),
                            rs.getString("source"), rs.getString("note")), ws);
            Map<Long, List<String>> readings = readings("INDICATOR");
            return Sql.queryGrouped(c, """
                    SELECT %1$s AS owner, id, kind, name, unit, direction, baseline_value, baseline_text, baseline_year,
                           baseline_source, target_value, target_text, target_fiscal_year
                    FROM indicator WHERE workspace_id = ? AND %1$s IS NOT NULL AND kind IN ('GOAL', 'KPI')
                    ORDER BY %1$s, position, id""".formatted(ownerColumn),
                    rs -> rs.getLong("owner"),
                    rs -> new IndicatorEntry(rs.getString("kind"), rs.getString("name"), rs.getString("unit"),
                            rs.getString("direction"),
                            new Baseline(decimal(rs, "baseline_value"), rs.getString("baseline_text"),
                                    rs.getString("baseline_year"), rs.getString("baseline_source")),
                            new Target(decimal(rs, "target_value"), rs.getString("target_text"),
                                    rs.getInt("target_fiscal_year")),
                            actuals.getOrDefault(rs.getLong("id"), List.of()),
                            readings.getOrDefault(rs.getLong("id"), List.of())), ws);
        }

        /** A REAL column as the shortest decimal that reads back as the same double (0.97, not 0.9699999…). */
        private static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
            Double value = Sql.getDouble(rs, column);
            return value == null ? null : DataJson.shortest(BigDecimal.valueOf(value));
        }

        private Map<Long, List<String>> readings(String subjectType) throws SQLException {
            return Sql.queryGrouped(c, """
                    SELECT subject_id, text FROM reading WHERE workspace_id = ? AND subject_type = ?
                    ORDER BY subject_id, position""",
                    rs -> rs.getLong(1), rs -> rs.getString(2), ws, subjectType);
        }

        // --- challenges.json ---

        private ChallengesFile challenges() throws SQLException {
            Map<Long, List<String>> evidence = texts("challenge_evidence");
            Map<Long, List<String>> approaches = texts("challenge_approach");
            Map<Long, List<String>> actionIndicators = Sql.queryGrouped(c, """
                    SELECT challenge_id, name FROM indicator WHERE workspace_id = ? AND kind = 'ACTION'
                    AND challenge_id IS NOT NULL ORDER BY challenge_id, position, id""",
                    rs -> rs.getLong(1), rs -> rs.getString(2), ws);
            // challenge_project has no position: the order of insertion (rowid) is the file's order.
            Map<Long, List<ProjectLink>> links = Sql.queryGrouped(c, """
                    SELECT cp.challenge_id, p.code, cp.basis, cp.note FROM challenge_project cp
                    JOIN project p ON p.id = cp.project_id WHERE p.workspace_id = ? ORDER BY cp.challenge_id, cp.rowid""",
                    rs -> rs.getLong(1), rs -> new ProjectLink(rs.getString(2), rs.getString(3), rs.getString(4)), ws);
            Map<Long, List<String>> readings = readings("CHALLENGE");
            return new ChallengesFile(Sql.query(c,
                    "SELECT id, number, title FROM challenge WHERE workspace_id = ? ORDER BY number",
                    rs -> {
                        long id = rs.getLong(1);
                        return new ChallengeEntry(rs.getInt(2), rs.getString(3), evidence.getOrDefault(id, List.of()),
                                approaches.getOrDefault(id, List.of()), actionIndicators.getOrDefault(id, List.of()),
                                links.getOrDefault(id, List.of()), readings.getOrDefault(id, List.of()));
                    }, ws));
        }

        private Map<Long, List<String>> texts(String table) throws SQLException {
            return Sql.queryGrouped(c, """
                    SELECT t.challenge_id, t.text FROM %s t JOIN challenge ch ON ch.id = t.challenge_id
                    WHERE ch.workspace_id = ? ORDER BY t.challenge_id, t.position""".formatted(table),
                    rs -> rs.getLong(1), rs -> rs.getString(2), ws);
        }

        // --- personas/<ws>/<slug>.json ---

        private List<PersonaFile> personas() throws SQLException {
            Map<Long, List<String>> attributes = Sql.queryGrouped(c, """
                    SELECT pa.persona_id, pa.text FROM persona_attribute pa JOIN persona p ON p.id = pa.persona_id
                    WHERE p.workspace_id = ? ORDER BY pa.persona_id, pa.position""",
                    rs -> rs.getLong(1), rs -> rs.getString(2), ws);
            Map<Long, List<String>> readings = readings("PERSONA");
            return Sql.query(c, """
                    SELECT p.id, p.slug, p.label, p.position, p.tagline, p.profile, p.story, n.code AS field
                    FROM persona p LEFT JOIN framework_node n ON n.id = p.policy_field_id
                    WHERE p.workspace_id = ? ORDER BY p.position, p.id""",
                    rs -> {
                        long id = rs.getLong("id");
                        String field = rs.getString("field");
                        return new PersonaFile(rs.getString("slug"), rs.getString("label"), rs.getInt("position"),
                                rs.getString("tagline"), rs.getString("profile"), attributes.getOrDefault(id, List.of()),
                                paragraphs(rs.getString("story")), field == null ? "" : field,
                                readings.getOrDefault(id, List.of()));
                    }, ws);
        }

        /** The story is stored as one text with a blank line between paragraphs (as the importer joins them). */
        private static List<String> paragraphs(String story) {
            return story == null || story.isEmpty() ? List.of() : Arrays.asList(story.split("\n\n", -1));
        }

        // --- journeys/<ws>/<slug>.json ---

        private record StepRow(long id, long journeyId, String title, String emotionText, int score, String painPoint) {
        }

        private List<JourneyFile> journeys() throws SQLException {
            Map<Long, List<StepRow>> steps = Sql.queryGrouped(c, """
                    SELECT s.id, s.journey_id, s.title, s.emotion_text, s.emotion_score, s.pain_point
                    FROM step s JOIN journey j ON j.id = s.journey_id
                    WHERE j.workspace_id = ? ORDER BY s.journey_id, s.position""",
                    rs -> rs.getLong("journey_id"),
                    rs -> new StepRow(rs.getLong("id"), rs.getLong("journey_id"), rs.getString("title"),
                            rs.getString("emotion_text"), rs.getInt("emotion_score"), rs.getString("pain_point")), ws);
            // step_challenge has no position: the order of insertion (rowid) is the file's order.
            Map<Long, List<Integer>> challenges = Sql.queryGrouped(c, """
                    SELECT sc.step_id, ch.number FROM step_challenge sc JOIN challenge ch ON ch.id = sc.challenge_id
                    WHERE ch.workspace_id = ? ORDER BY sc.step_id, sc.rowid""",
                    rs -> rs.getLong(1), rs -> rs.getInt(2), ws);
            Map<Long, List<String>> actors = Sql.queryGrouped(c, """
                    SELECT aa.action_id, a.name FROM action_actor aa JOIN actor a ON a.id = aa.actor_id
                    WHERE a.workspace_id = ? ORDER BY aa.action_id, aa.position""",
                    rs -> rs.getLong(1), rs -> rs.getString(2), ws);
            Map<Long, List<ActionEntry>> actions = Sql.queryGrouped(c, """
                    SELECT ac.id, ac.step_id, ac.text FROM action ac JOIN step s ON s.id = ac.step_id
                    JOIN journey j ON j.id = s.journey_id WHERE j.workspace_id = ? ORDER BY ac.step_id, ac.position, ac.id""",
                    rs -> rs.getLong("step_id"),
                    rs -> new ActionEntry(actors.getOrDefault(rs.getLong("id"), List.of()), rs.getString("text")), ws);
            Map<Long, List<String>> readings = readings("JOURNEY");
            Map<Long, List<WorkspaceFiles.WorkshopEntry>> workshops = workshops();
            return Sql.query(c, """
                    SELECT j.id, j.slug, p.slug AS persona, j.title FROM journey j JOIN persona p ON p.id = j.persona_id
                    WHERE j.workspace_id = ? ORDER BY j.slug""",
                    rs -> {
                        long id = rs.getLong("id");
                        List<StepEntry> stepEntries = steps.getOrDefault(id, List.of()).stream()
                                .map(s -> new StepEntry(s.title(), s.emotionText(), s.score(), s.painPoint(),
                                        challenges.getOrDefault(s.id(), List.of()), actions.getOrDefault(s.id(), List.of())))
                                .toList();
                        return new JourneyFile(rs.getString("slug"), rs.getString("persona"), rs.getString("title"),
                                stepEntries, readings.getOrDefault(id, List.of()), workshops.getOrDefault(id, List.of()));
                    }, ws);
        }

        // --- the workshops held on each journey (inside its journey file) ---

        private record WorkshopRow(long id, long journeyId, String title, String date, boolean named, int votes,
                                   boolean shared, String phase, String openedAt) {
        }

        /**
         * Each journey's workshops, oldest first, with participants numbered in the order they joined and cards in
         * the order they were posted. What a card became is written as its kind only: the change that made it is
         * in this database's history, which does not travel.
         */
        private Map<Long, List<WorkspaceFiles.WorkshopEntry>> workshops() throws SQLException {
            List<WorkshopRow> rows = Sql.query(c, """
                    SELECT id, journey_id, title, held_on, named, votes_each, cards_shared, phase, created_at
                    FROM workshop WHERE workspace_id = ? ORDER BY journey_id, id""",
                    rs -> new WorkshopRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5) == 1, rs.getInt(6), rs.getInt(7) == 1, rs.getString(8), rs.getString(9)), ws);
            Map<Long, List<long[]>> participants = Sql.queryGrouped(c, """
                    SELECT p.workshop_id, p.id FROM workshop_participant p JOIN workshop w ON w.id = p.workshop_id
                    WHERE w.workspace_id = ? ORDER BY p.workshop_id, p.id""",
                    rs -> rs.getLong(1), rs -> new long[] {rs.getLong(2)}, ws);
            Map<Long, String> names = new LinkedHashMap<>();
            for (Object[] n : Sql.query(c, """
                    SELECT p.id, p.name FROM workshop_participant p JOIN workshop w ON w.id = p.workshop_id
                    WHERE w.workspace_id = ?""", rs -> new Object[] {rs.getLong(1), rs.getString(2)}, ws)) {
                names.put((Long) n[0], (String) n[1]);
            }
            Map<Long, List<Long>> voters = Sql.queryGrouped(c, """
                    SELECT v.card_id, v.participant_id FROM workshop_vote v JOIN workshop_card k ON k.id = v.card_id
                    JOIN workshop w ON w.id = k.workshop_id WHERE w.workspace_id = ? ORDER BY v.card_id, v.participant_id""",
                    rs -> rs.getLong(1), rs -> rs.getLong(2), ws);
            record CardRow(long workshopId, long id, Long by, int step, String kind, String text, Integer emotion,
                           boolean hidden, boolean withdrawn, String became, String postedAt) {
            }
            Map<Long, List<CardRow>> cards = Sql.queryGrouped(c, """
                    SELECT k.workshop_id, k.id, k.participant_id, k.step_position, k.kind, k.text, k.emotion, k.hidden,
                           k.withdrawn, k.became, k.created_at
                    FROM workshop_card k JOIN workshop w ON w.id = k.workshop_id WHERE w.workspace_id = ?
                    ORDER BY k.workshop_id, k.id""",
                    rs -> rs.getLong(1), rs -> new CardRow(rs.getLong(1), rs.getLong(2), Sql.getLong(rs, "participant_id"),
                            rs.getInt(4), rs.getString(5), rs.getString(6), Sql.getInteger(rs, "emotion"),
                            rs.getInt(8) == 1, rs.getInt(9) == 1, rs.getString(10), rs.getString(11)), ws);
            Map<Long, List<WorkspaceFiles.WorkshopEntry>> byJourney = new LinkedHashMap<>();
            for (WorkshopRow w : rows) {
                List<Long> joined = participants.getOrDefault(w.id(), List.of()).stream().map(p -> p[0]).toList();
                List<WorkspaceFiles.CardEntry> entries = new ArrayList<>();
                for (CardRow k : cards.getOrDefault(w.id(), List.of())) {
                    String became = k.became() == null ? "" : k.became().contains(":")
                            ? k.became().substring(0, k.became().indexOf(':')) : k.became();
                    entries.add(new WorkspaceFiles.CardEntry(k.step(), k.kind(), k.text(), k.emotion(), k.hidden(),
                            k.withdrawn(), became, k.postedAt(), k.by() == null ? 0 : joined.indexOf(k.by()) + 1,
                            voters.getOrDefault(k.id(), List.of()).stream().map(v -> joined.indexOf(v) + 1).sorted()
                                    .toList()));
                }
                byJourney.computeIfAbsent(w.journeyId(), j -> new ArrayList<>()).add(new WorkspaceFiles.WorkshopEntry(
                        w.title(), w.date() == null ? "" : w.date(), w.named(), w.votes(), w.shared(), w.phase(),
                        w.openedAt(), joined.stream().map(p -> w.named() ? names.getOrDefault(p, "") : "").toList(),
                        entries));
            }
            return byJourney;
        }
    }
}
