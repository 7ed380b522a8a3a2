package kusari.files;

import static kusari.files.FileRows.ids;
import static kusari.files.FileRows.with;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.change.Rows;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.WorkspaceFiles.ActionEntry;
import kusari.files.WorkspaceFiles.ActorEntry;
import kusari.files.WorkspaceFiles.ChallengeEntry;
import kusari.files.WorkspaceFiles.IndicatorEntry;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.LoadedWorkspace;
import kusari.files.WorkspaceFiles.NodeEntry;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.files.WorkspaceFiles.ProjectEntry;
import kusari.files.WorkspaceFiles.ProjectLink;
import kusari.files.WorkspaceFiles.RoleEntry;
import kusari.files.WorkspaceFiles.StepEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checked workspace files into the database. Runs on start for every workspace folder the database does not
 * hold yet, all in one transaction, so a failure leaves the database as it was (never half-loaded).
 */
public final class WorkspaceImporter {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceImporter.class);

    /** The tables of a workspace's "about" (V015): files only, no edit form, so written here directly. */
    private static final List<String> ABOUT_TABLES =
            List.of("strategy_about", "strategy_statement", "national_goal", "survey_result", "survey_row");

    private final Database database;

    public WorkspaceImporter(Database database) {
        this.database = database;
    }

    /** Loads every workspace folder the database lacks; returns the slugs imported. Throws on bad files. */
    public List<String> importMissing(WorkspaceLoader loader) {
        List<String> present = database.read(c -> Sql.query(c, "SELECT slug FROM workspace", rs -> rs.getString(1)));
        List<LoadedWorkspace> missing = loader.workspaceSlugs().stream()
                .filter(slug -> !present.contains(slug))
                .map(loader::load)
                .toList();
        database.inTransaction(c -> {
            for (LoadedWorkspace ws : missing) {
                insert(c, ws);
            }
            return null;
        });
        missing.forEach(ws -> LOG.info("Imported workspace '{}' ({} personas, {} journeys)",
                ws.slug(), ws.personas().size(), ws.journeys().size()));
        return missing.stream().map(LoadedWorkspace::slug).toList();
    }

    /** Inserts a new workspace with all its content on {@code c} (inside the caller's transaction); returns its id. */
    static long insert(Connection c, LoadedWorkspace ws) throws SQLException {
        Writer writer = new Writer(c, ws);
        writer.write();
        return writer.workspaceId;
    }

    /**
     * Replaces the whole content of workspace {@code workspaceId} by {@code ws}, keeping the workspace's own row (its id,
     * so its history stays attached) and bumping its version, so that a page opened before the import cannot save over it.
     */
    static void replace(Connection c, long workspaceId, LoadedWorkspace ws) throws SQLException {
        // Children before parents: projects and action links hold RESTRICT references to nodes and actors.
        Sql.update(c, "DELETE FROM journey WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM persona WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM challenge WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM indicator WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM project WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM framework_node WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM actor WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM reading WHERE workspace_id = ?", workspaceId);
        for (String table : ABOUT_TABLES) {
            Sql.update(c, "DELETE FROM " + table + " WHERE workspace_id = ?", workspaceId);
        }
        // the workspace's level names and code patterns are its owned lists: replaced with its row
        Rows.update(c, FileKinds.kind("workspace"), workspaceId, FileRows.workspace(ws.workspace()));
        Sql.update(c, "UPDATE workspace SET version = version + 1 WHERE id = ?", workspaceId);
        Writer writer = new Writer(c, ws);
        writer.workspaceId = workspaceId;
        writer.writeContent();
    }

    /**
     * The inserts for one workspace, on one connection inside the caller's transaction. Each row goes through its
     * table's edit declaration ({@link Rows}); what is the files' own stays here: references by slug, code or
     * number turned into ids, positions from the order in the files, readings, and the actors' name histories.
     */
    private static final class Writer {
        private final Connection c;
        private final LoadedWorkspace ws;
        private long workspaceId;
        private final Map<String, Long> actorIds = new HashMap<>();
        private final Map<String, Long> nodeIds = new HashMap<>();
        private final Map<String, Long> projectIds = new HashMap<>();
        private final Map<Integer, Long> challengeIds = new HashMap<>();
        private final Map<String, Long> personaIds = new HashMap<>();

        Writer(Connection c, LoadedWorkspace ws) {
            this.c = c;
            this.ws = ws;
        }

        void write() throws SQLException {
            workspaceId = Rows.insert(c, FileKinds.kind("workspace"), FileRows.workspace(ws.workspace()), Map.of());
            writeContent();
        }

        /** Everything below the workspace row and its owned lists. */
        void writeContent() throws SQLException {
            writeReadings("WORKSPACE", workspaceId, ws.workspace().readings());
            writeAbout(ws.workspace().about());
            List<ActorEntry> actors = ws.actors().actors();
            for (int i = 0; i < actors.size(); i++) {
                ActorEntry a = actors.get(i);
                long actorId = Rows.insert(c, FileKinds.kind("actor"), FileRows.actor(a), placed(i));
                actorIds.put(a.name(), actorId);
                // the name history is no edit field: renames have their own form
                for (var n : a.names()) {
                    Sql.update(c, "INSERT INTO actor_name (actor_id, from_fiscal_year, name) VALUES (?, ?, ?)",
                            actorId, n.fromFiscalYear(), n.name());
                }
                writeReadings("ACTOR", actorId, a.readings());
            }
            List<NodeEntry> nodes = ws.framework().nodes();
            for (int i = 0; i < nodes.size(); i++) {
                writeNode(nodes.get(i), null, 1, i + 1);
            }
            writeChallenges();
            for (PersonaFile p : ws.personas()) {
                writePersona(p);
            }
            for (JourneyFile j : ws.journeys()) {
                writeJourney(j);
            }
        }

        private void writeNode(NodeEntry node, Long parentId, int depth, int position) throws SQLException {
            Map<String, Object> columns = new LinkedHashMap<>(placed(position - 1));
            columns.put("depth", depth);
            long id = Rows.insert(c, FileKinds.kind("framework_node"), with(FileRows.node(node), "parent", parentId),
                    columns);
            if (depth == 1) {
                // the files name a node by its code only as a persona's policy field, always a top-level one: a
                // deeper node may carry the same code (戦略1 under 基本目標1)
                nodeIds.put(node.code(), id);
            }
            writeReadings("FRAMEWORK_NODE", id, node.readings());
            writeIndicators(node.indicators(), "node", id);
            for (int i = 0; i < node.children().size(); i++) {
                writeNode(node.children().get(i), id, depth + 1, i + 1);
            }
            for (int i = 0; i < node.projects().size(); i++) {
                writeProject(node.projects().get(i), id, i + 1);
            }
        }

        private void writeProject(ProjectEntry p, long nodeId, int position) throws SQLException {
            Map<String, Object> values = with(FileRows.project(p), "node", nodeId);
            values.put("leads", ids(p.leadActors(), actorIds));
            long id = Rows.insert(c, FileKinds.kind("project"), values, placed(position - 1));
            projectIds.put(p.code(), id);
            for (RoleEntry r : p.roles()) {
                Rows.insert(c, FileKinds.kind("project_role"), with(FileRows.role(r), "project", id), Map.of());
            }
            for (WorkspaceFiles.SourceEntry s : p.budgetSources()) {
                Rows.insert(c, FileKinds.kind("budget_source"), with(FileRows.budgetSource(s), "project", id), Map.of());
            }
            for (WorkspaceFiles.RoadmapEntry r : p.roadmap()) {
                Rows.insert(c, FileKinds.kind("roadmap_entry"), with(FileRows.roadmap(r), "project", id), Map.of());
            }
            writeIndicators(p.indicators(), "project", id);
            writeReadings("PROJECT", id, p.readings());
        }

        /** Goal indicators and KPIs of a node or project ({@code owner}: the indicator's field naming it). */
        private void writeIndicators(List<IndicatorEntry> indicators, String owner, long ownerId) throws SQLException {
            for (int i = 0; i < indicators.size(); i++) {
                IndicatorEntry ind = indicators.get(i);
                Map<String, Object> values = with(FileRows.indicator(ind), owner, ownerId);
                values.put("kind", ind.kind());
                long indicatorId = Rows.insert(c, FileKinds.kind("indicator"), values, placed(i));
                for (WorkspaceFiles.ActualEntry a : ind.actuals()) {
                    Rows.insert(c, FileKinds.kind("actual"), with(FileRows.actual(a), "indicator", indicatorId), Map.of());
                }
                writeReadings("INDICATOR", indicatorId, ind.readings());
            }
        }

        private void writeChallenges() throws SQLException {
            for (ChallengeEntry ch : ws.challenges().challenges()) {
                long id = Rows.insert(c, FileKinds.kind("challenge"), FileRows.challenge(ch),
                        Map.of("workspace_id", workspaceId));
                challengeIds.put(ch.number(), id);
                for (int i = 0; i < ch.actionIndicators().size(); i++) {
                    Rows.insert(c, FileKinds.kind("indicator"),
                            with(FileRows.actionIndicator(ch.actionIndicators().get(i)), "challenge", id), placed(i));
                }
                for (ProjectLink link : ch.projects()) {
                    Rows.link(c, FileKinds.link("challenge_project"), id, projectIds.get(link.code()),
                            FileRows.challengeProject(link));
                }
                writeReadings("CHALLENGE", id, ch.readings());
            }
        }

        private void writePersona(PersonaFile p) throws SQLException {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("workspace_id", workspaceId);
            columns.put("position", p.order());
            long id = Rows.insert(c, FileKinds.kind("persona"),
                    with(FileRows.persona(p), "policyField", nodeIds.get(p.policyField())), columns);
            personaIds.put(p.slug(), id);
            writeReadings("PERSONA", id, p.readings());
        }

        private void writeJourney(JourneyFile j) throws SQLException {
            long journeyId = Rows.insert(c, FileKinds.kind("journey"),
                    with(FileRows.journey(j), "persona", personaIds.get(j.persona())),
                    Map.of("workspace_id", workspaceId));
            for (int s = 0; s < j.steps().size(); s++) {
                StepEntry step = j.steps().get(s);
                long stepId = Rows.insert(c, FileKinds.kind("step"), with(FileRows.step(step), "journey", journeyId),
                        Map.of("position", s + 1));
                for (Integer number : step.challenges()) {
                    Rows.link(c, FileKinds.link("step_challenge"), stepId, challengeIds.get(number), Map.of());
                }
                for (int a = 0; a < step.actions().size(); a++) {
                    ActionEntry action = step.actions().get(a);
                    Map<String, Object> values = with(FileRows.action(action), "step", stepId);
                    values.put("actors", ids(action.actors(), actorIds));
                    Rows.insert(c, FileKinds.kind("action"), values, Map.of("position", a + 1));
                }
            }
            writeReadings("JOURNEY", journeyId, j.readings());
            for (WorkspaceFiles.WorkshopEntry w : j.workshops()) {
                writeWorkshop(journeyId, w);
            }
        }

        /**
         * A workshop as its record: closed, under a code no phone can type, its participants numbered as in the
         * file (their cookies grant nothing here), its cards and votes. Cards are no edit kind (the room writes
         * them, past the change history), so they are written here directly, checked by the validator first.
         */
        private void writeWorkshop(long journeyId, WorkspaceFiles.WorkshopEntry w) throws SQLException {
            long id = Sql.insert(c, """
                    INSERT INTO workshop (workspace_id, journey_id, code, title, held_on, named, votes_each, cards_shared,
                                          status, phase, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CLOSED', ?, ?)""", workspaceId, journeyId,
                    kusari.change.ClosedWorkshops.code(c), w.title(), w.date().isEmpty() ? null : w.date(),
                    w.named() ? 1 : 0, w.votesPerParticipant(), w.cardsShared() ? 1 : 0, w.phase(), w.openedAt());
            List<Long> participants = new java.util.ArrayList<>();
            for (String name : w.participants()) {
                participants.add(Sql.insert(c, """
                        INSERT INTO workshop_participant (workshop_id, token_hash, name, joined_at) VALUES (?, ?, ?, ?)""",
                        id, kusari.change.ClosedWorkshops.tokenHash(), name, w.openedAt()));
            }
            for (WorkspaceFiles.CardEntry k : w.cards()) {
                long card = Sql.insert(c, """
                        INSERT INTO workshop_card (workshop_id, participant_id, step_position, step_id, kind, text, emotion,
                                                   hidden, withdrawn, became, created_at)
                        VALUES (?, ?, ?, (SELECT id FROM step WHERE journey_id = ? AND position = ?), ?, ?, ?, ?, ?, ?,
                                ?)""", id, k.by() == 0 ? null : participants.get(k.by() - 1),
                        k.step(), journeyId, k.step(), k.kind(), k.text(), k.emotion(), k.hidden() ? 1 : 0, k.withdrawn() ? 1 : 0,
                        k.became().isEmpty() ? null : k.became(), k.postedAt());
                for (int voter : k.votes()) {
                    Sql.update(c, "INSERT INTO workshop_vote (card_id, participant_id) VALUES (?, ?)", card,
                            participants.get(voter - 1));
                }
            }
        }

        /** The strategy around its chain, when the files give it (slogan, 理念, 視点, 基本目標, surveys). */
        private void writeAbout(WorkspaceFiles.AboutEntry about) throws SQLException {
            if (about == null) {
                return;
            }
            Sql.update(c, """
                    INSERT INTO strategy_about (workspace_id, slogan, progress_management, interviews)
                    VALUES (?, ?, ?, ?)""", workspaceId, about.slogan(), about.progressManagement(), about.interviews());
            writeStatements("PRINCIPLE", about.principles());
            writeStatements("VIEWPOINT", about.viewpoints());
            for (int i = 0; i < about.nationalGoals().size(); i++) {
                WorkspaceFiles.GoalMapping g = about.nationalGoals().get(i);
                Sql.update(c, """
                        INSERT INTO national_goal (workspace_id, position, national_goal, city_goal, policy_field_code)
                        VALUES (?, ?, ?, ?, ?)""", workspaceId, i + 1, g.nationalGoal(), g.cityGoal(), g.policyField());
            }
            for (int i = 0; i < about.surveys().size(); i++) {
                WorkspaceFiles.SurveyEntry s = about.surveys().get(i);
                Sql.update(c, """
                        INSERT INTO survey_result (workspace_id, position, policy_field_code, question, columns)
                        VALUES (?, ?, ?, ?, ?)""", workspaceId, i + 1, s.policyField(), s.question(),
                        String.join("\n", s.columns()));
                for (int r = 0; r < s.rows().size(); r++) {
                    WorkspaceFiles.SurveyRow row = s.rows().get(r);
                    Sql.update(c, """
                            INSERT INTO survey_row (workspace_id, survey_position, position, label, cell_values)
                            VALUES (?, ?, ?, ?, ?)""", workspaceId, i + 1, r + 1, row.label(),
                            String.join("\n", row.values()));
                }
            }
        }

        private void writeStatements(String kind, List<WorkspaceFiles.Statement> statements) throws SQLException {
            for (int i = 0; i < statements.size(); i++) {
                Sql.update(c, """
                        INSERT INTO strategy_statement (workspace_id, kind, position, title, text)
                        VALUES (?, ?, ?, ?, ?)""", workspaceId, kind, i + 1, statements.get(i).title(),
                        statements.get(i).text());
            }
        }

        /** A row's place: in this workspace, the {@code index}-th (from 0) among its siblings. */
        private Map<String, Object> placed(int index) {
            Map<String, Object> columns = new LinkedHashMap<>();
            columns.put("workspace_id", workspaceId);
            columns.put("position", index + 1);
            return columns;
        }

        private void writeReadings(String type, long subjectId, List<String> readings) throws SQLException {
            for (int i = 0; i < readings.size(); i++) {
                Sql.update(c, """
                        INSERT INTO reading (workspace_id, subject_type, subject_id, position, text)
                        VALUES (?, ?, ?, ?, ?)""", workspaceId, type, subjectId, i + 1, readings.get(i));
            }
        }
    }
}
