package kusari.files;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kusari.db.Database;
import kusari.db.Sql;
import kusari.files.WorkspaceFiles.ActionEntry;
import kusari.files.WorkspaceFiles.ActorEntry;
import kusari.files.WorkspaceFiles.BudgetEntry;
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
import kusari.files.WorkspaceFiles.WorkspaceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checked workspace files into the database. Runs on start for every workspace folder the database does not
 * hold yet, all in one transaction, so a failure leaves the database as it was (never half-loaded).
 */
public final class WorkspaceImporter {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceImporter.class);

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
        Sql.update(c, "DELETE FROM framework_level WHERE workspace_id = ?", workspaceId);
        Sql.update(c, "DELETE FROM reading WHERE workspace_id = ?", workspaceId);
        WorkspaceFile w = ws.workspace();
        Sql.update(c, """
                UPDATE workspace SET name = ?, full_name = ?, municipality = ?, published = ?, plan_from = ?, plan_to = ?,
                    description = ?, source = ?, version = version + 1
                WHERE id = ?""",
                w.name(), w.fullName(), w.municipality(), w.published(), w.planPeriod().from(), w.planPeriod().to(),
                w.description(), w.source(), workspaceId);
        Writer writer = new Writer(c, ws);
        writer.workspaceId = workspaceId;
        writer.writeContent();
    }

    /** The inserts for one workspace, on one connection inside the caller's transaction. */
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
            WorkspaceFile w = ws.workspace();
            workspaceId = Sql.insert(c, """
                    INSERT INTO workspace (slug, name, full_name, municipality, published, plan_from, plan_to, description, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    w.slug(), w.name(), w.fullName(), w.municipality(), w.published(),
                    w.planPeriod().from(), w.planPeriod().to(), w.description(), w.source());
            writeContent();
        }

        /** Everything below the workspace row. */
        void writeContent() throws SQLException {
            WorkspaceFile w = ws.workspace();
            for (int i = 0; i < w.levels().size(); i++) {
                Sql.update(c, "INSERT INTO framework_level (workspace_id, depth, label) VALUES (?, ?, ?)",
                        workspaceId, i + 1, w.levels().get(i));
            }
            for (int i = 0; i < w.codePatterns().size(); i++) {
                Sql.update(c, "INSERT INTO framework_code_pattern (workspace_id, depth, pattern) VALUES (?, ?, ?)",
                        workspaceId, i + 1, w.codePatterns().get(i));
            }
            List<ActorEntry> actors = ws.actors().actors();
            for (int i = 0; i < actors.size(); i++) {
                ActorEntry a = actors.get(i);
                long actorId = Sql.insert(c,
                        "INSERT INTO actor (workspace_id, name, kind, position) VALUES (?, ?, ?, ?)",
                        workspaceId, a.name(), a.kind(), i + 1);
                actorIds.put(a.name(), actorId);
                for (var n : a.names()) {
                    Sql.update(c, "INSERT INTO actor_name (actor_id, from_fiscal_year, name) VALUES (?, ?, ?)",
                            actorId, n.fromFiscalYear(), n.name());
                }
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
            long id = Sql.insert(c, """
                    INSERT INTO framework_node (workspace_id, parent_id, depth, code, title, description, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    workspaceId, parentId, depth, node.code(), node.title(), node.description(), position);
            nodeIds.put(node.code(), id);
            writeIndicators(node.indicators(), "node_id", id);
            for (int i = 0; i < node.children().size(); i++) {
                writeNode(node.children().get(i), id, depth + 1, i + 1);
            }
            for (int i = 0; i < node.projects().size(); i++) {
                writeProject(node.projects().get(i), id, i + 1);
            }
        }

        private void writeProject(ProjectEntry p, long nodeId, int position) throws SQLException {
            long id = Sql.insert(c, """
                    INSERT INTO project (workspace_id, node_id, code, name, description, experience_chain, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    workspaceId, nodeId, p.code(), p.name(), p.description(), p.experienceChain(), position);
            projectIds.put(p.code(), id);
            for (int i = 0; i < p.leadActors().size(); i++) {
                Sql.update(c, "INSERT INTO project_lead_actor (project_id, actor_id, position) VALUES (?, ?, ?)",
                        id, actorIds.get(p.leadActors().get(i)), i + 1);
            }
            for (BudgetEntry b : p.budgets()) {
                Sql.update(c, "INSERT INTO budget (project_id, fiscal_year, thousand_yen) VALUES (?, ?, ?)",
                        id, b.fiscalYear(), b.thousandYen());
            }
            for (RoleEntry r : p.roles()) {
                Sql.update(c, "INSERT INTO project_role (project_id, municipality, role, share_percent) VALUES (?, ?, ?, ?)",
                        id, r.municipality(), r.role(), toDouble(r.sharePercent()));
            }
            for (WorkspaceFiles.SourceEntry s : p.budgetSources()) {
                Sql.update(c, "INSERT INTO budget_source (project_id, fiscal_year, source, thousand_yen) VALUES (?, ?, ?, ?)",
                        id, s.fiscalYear(), s.source(), s.thousandYen());
            }
            for (WorkspaceFiles.RoadmapEntry r : p.roadmap()) {
                Sql.update(c, "INSERT INTO roadmap_entry (project_id, fiscal_year, text) VALUES (?, ?, ?)",
                        id, r.fiscalYear(), r.text());
            }
            writeIndicators(p.indicators(), "project_id", id);
            writeReadings("PROJECT", id, p.readings());
        }

        private void writeIndicators(List<IndicatorEntry> indicators, String ownerColumn, long ownerId) throws SQLException {
            for (int i = 0; i < indicators.size(); i++) {
                IndicatorEntry ind = indicators.get(i);
                long indicatorId = Sql.insert(c, """
                        INSERT INTO indicator (workspace_id, kind, %s, position, name, unit, direction,
                            baseline_value, baseline_text, baseline_year, baseline_source,
                            target_value, target_text, target_fiscal_year)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(ownerColumn),
                        workspaceId, ind.kind(), ownerId, i + 1, ind.name(), ind.unit(), ind.direction(),
                        toDouble(ind.baseline().value()), ind.baseline().text(), ind.baseline().year(),
                        ind.baseline().source(), toDouble(ind.target().value()), ind.target().text(),
                        ind.target().fiscalYear());
                for (WorkspaceFiles.ActualEntry a : ind.actuals()) {
                    Sql.update(c, """
                            INSERT INTO actual (indicator_id, fiscal_year, state, value, data_date, source, note)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""", indicatorId, a.fiscalYear(), a.state(), toDouble(a.value()),
                            a.dataDate(), a.source(), a.note());
                }
            }
        }

        private void writeChallenges() throws SQLException {
            for (ChallengeEntry ch : ws.challenges().challenges()) {
                long id = Sql.insert(c, "INSERT INTO challenge (workspace_id, number, title) VALUES (?, ?, ?)",
                        workspaceId, ch.number(), ch.title());
                challengeIds.put(ch.number(), id);
                writeTexts("challenge_evidence", id, ch.evidence());
                writeTexts("challenge_approach", id, ch.approaches());
                for (int i = 0; i < ch.actionIndicators().size(); i++) {
                    Sql.update(c, """
                            INSERT INTO indicator (workspace_id, kind, challenge_id, position, name, direction)
                            VALUES (?, 'ACTION', ?, ?, ?, 'INCREASE')""",
                            workspaceId, id, i + 1, ch.actionIndicators().get(i));
                }
                for (ProjectLink link : ch.projects()) {
                    Sql.update(c, "INSERT INTO challenge_project (challenge_id, project_id, basis, note) VALUES (?, ?, ?, ?)",
                            id, projectIds.get(link.code()), link.basis(), link.note());
                }
                writeReadings("CHALLENGE", id, ch.readings());
            }
        }

        private void writeTexts(String table, long challengeId, List<String> texts) throws SQLException {
            for (int i = 0; i < texts.size(); i++) {
                Sql.update(c, "INSERT INTO " + table + " (challenge_id, position, text) VALUES (?, ?, ?)",
                        challengeId, i + 1, texts.get(i));
            }
        }

        private void writePersona(PersonaFile p) throws SQLException {
            long id = Sql.insert(c, """
                    INSERT INTO persona (workspace_id, slug, label, position, tagline, profile, story, policy_field_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    workspaceId, p.slug(), p.label(), p.order(), p.tagline(), p.profile(),
                    String.join("\n\n", p.story()), nodeIds.get(p.policyField()));
            personaIds.put(p.slug(), id);
            for (int i = 0; i < p.attributes().size(); i++) {
                Sql.update(c, "INSERT INTO persona_attribute (persona_id, position, text) VALUES (?, ?, ?)",
                        id, i + 1, p.attributes().get(i));
            }
            writeReadings("PERSONA", id, p.readings());
        }

        private void writeJourney(JourneyFile j) throws SQLException {
            long journeyId = Sql.insert(c, "INSERT INTO journey (workspace_id, persona_id, slug, title) VALUES (?, ?, ?, ?)",
                    workspaceId, personaIds.get(j.persona()), j.slug(), j.title());
            for (int s = 0; s < j.steps().size(); s++) {
                StepEntry step = j.steps().get(s);
                long stepId = Sql.insert(c, """
                        INSERT INTO step (journey_id, position, title, emotion_text, emotion_score, pain_point)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                        journeyId, s + 1, step.title(), step.emotionText(), step.emotionScore(), step.painPoint());
                for (Integer number : step.challenges()) {
                    Sql.update(c, "INSERT OR IGNORE INTO step_challenge (step_id, challenge_id) VALUES (?, ?)",
                            stepId, challengeIds.get(number));
                }
                for (int a = 0; a < step.actions().size(); a++) {
                    ActionEntry action = step.actions().get(a);
                    long actionId = Sql.insert(c, "INSERT INTO action (step_id, position, text) VALUES (?, ?, ?)",
                            stepId, a + 1, action.text());
                    for (int n = 0; n < action.actors().size(); n++) {
                        Sql.update(c, "INSERT OR IGNORE INTO action_actor (action_id, actor_id, position) VALUES (?, ?, ?)",
                                actionId, actorIds.get(action.actors().get(n)), n + 1);
                    }
                }
            }
            writeReadings("JOURNEY", journeyId, j.readings());
        }

        private void writeReadings(String type, long subjectId, List<String> readings) throws SQLException {
            for (int i = 0; i < readings.size(); i++) {
                Sql.update(c, """
                        INSERT INTO reading (workspace_id, subject_type, subject_id, position, text)
                        VALUES (?, ?, ?, ?, ?)""", workspaceId, type, subjectId, i + 1, readings.get(i));
            }
        }

        private static Double toDouble(BigDecimal value) {
            return value == null ? null : value.doubleValue();
        }
    }
}
