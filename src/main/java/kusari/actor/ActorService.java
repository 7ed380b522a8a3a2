package kusari.actor;

import kusari.core.Paging;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kusari.actor.Acting.ActionRow;
import kusari.actor.Acting.ActorRow;
import kusari.actor.Acting.StepRow;
import kusari.actor.ActorOverview.ActionView;
import kusari.actor.ActorOverview.Handoff;
import kusari.actor.ActorOverview.JourneyGroup;
import kusari.actor.ActorOverview.Measure;
import kusari.actor.ActorOverview.ProjectView;
import kusari.actor.ActorOverview.StepView;
import kusari.actor.ActorOverview.Summary;
import kusari.actor.ActorRepository.Actual;
import kusari.actor.ActorRepository.ChallengeRef;
import kusari.actor.ActorRepository.ProjectRef;
import kusari.db.Database;
import kusari.change.Change;
import kusari.change.ChangeLog;
import kusari.core.ConflictException;
import kusari.core.FieldError;
import kusari.change.Operation;
import kusari.core.ValidationException;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorQueries;
import kusari.core.FiscalYear;
import kusari.core.Workspace;

/** Reads an actor's whole responsibility together, and renames an actor from a fiscal year on (the one write). */
public final class ActorService {

    /** History summaries are stored in Japanese; the timeline says them again in the reader's language. */
    private static final kusari.core.Ui RENAMED = new kusari.core.Ui(kusari.core.Ui.Lang.JA, "", "");

    /** Fiscal years a name may take effect in: the 和暦 of FiscalYear starts at 昭和, and plans look a few years ahead. */
    static final int FIRST_YEAR = 1989;
    static final int LAST_YEAR = 2100;
    public static final int MAX_NAME_LENGTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final ActorRepository actors;
    private final IndicatorQueries indicators;

    public ActorService(Database database, ActorRepository actors, IndicatorQueries indicators) {
        this.database = database;
        this.actors = actors;
        this.indicators = indicators;
    }

    public ActorRepository repository() {
        return actors;
    }

    /** Steps on one page of an actor's page; the summary and the indicators still count every step. */
    public static final int STEPS_PER_PAGE = 50;

    /**
     * One actor's steps, hand-offs, projects and indicators as of {@code fiscalYear} (null: newest names, latest
     * actuals); {@code personaSlug} keeps only that persona's journeys (the matrix cell's link).
     */
    public Optional<ActorOverview> overview(Workspace ws, long actorId, Integer fiscalYear, String personaSlug) {
        return overview(ws, actorId, fiscalYear, personaSlug, null);
    }

    /**
     * The same, with only the steps of {@code page} (from 1; null: every step) in its journeys; the summary and the
     * indicators are those of every step. Only the journeys where the actor acts are read, never the whole workspace.
     */
    public Optional<ActorOverview> overview(Workspace ws, long actorId, Integer fiscalYear, String personaSlug,
                                            Integer page) {
        Acting acting = actors.actingOf(ws.id(), actorId);
        Optional<ActorRow> row = acting.actor(actorId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<ChallengeRef>> challengesByStep = actors.challengesByStepOf(ws.id(), actorId);
        Map<Long, List<ProjectRef>> projectsByChallenge = actors.projectsByChallengeOf(ws.id(), actorId);
        Map<Long, List<Long>> leadsByProject = actors.leadsByProjectOf(ws.id(), actorId);
        List<StepRow> steps = acting.stepsOf(actorId).stream()
                .filter(s -> personaSlug == null || personaSlug.equals(s.personaSlug())).toList();
        // Action indicators by challenge, KPIs by project: read for this actor's challenges and projects only.
        Map<Long, List<Indicator>> byChallenge = new LinkedHashMap<>();
        Map<Long, List<Indicator>> byProject = new LinkedHashMap<>();
        for (StepRow s : steps) {
            for (ChallengeRef ch : challengesByStep.getOrDefault(s.id(), List.of())) {
                byChallenge.computeIfAbsent(ch.id(), indicators::findByChallenge);
                for (ProjectRef p : projectsByChallenge.getOrDefault(ch.id(), List.of())) {
                    byProject.computeIfAbsent(p.id(), indicators::findByProject);
                }
            }
        }
        java.util.Set<Long> indicatorIds = new java.util.LinkedHashSet<>();
        byChallenge.values().forEach(l -> l.forEach(i -> indicatorIds.add(i.id())));
        byProject.values().forEach(l -> l.forEach(i -> indicatorIds.add(i.id())));
        Map<Long, Actual> actuals = actors.latestActualsOf(indicatorIds, fiscalYear);
        Paging paging = page == null ? null : Paging.of("page", page, STEPS_PER_PAGE, steps.size());

        Map<String, JourneyGroup> groups = new LinkedHashMap<>();
        Map<Long, Measure> measures = new LinkedHashMap<>();
        int troubled = 0;
        java.util.Set<String> journeysActed = new java.util.HashSet<>();
        for (int at = 0; at < steps.size(); at++) {
            StepRow s = steps.get(at);
            journeysActed.add(s.journeySlug());
            if (s.troubled()) {
                troubled++;
            }
            List<ChallengeRef> challenges = challengesByStep.getOrDefault(s.id(), List.of());
            Map<Long, ProjectView> projects = new LinkedHashMap<>();
            List<Measure> stepMeasures = new ArrayList<>();
            for (ChallengeRef ch : challenges) {
                for (Indicator i : byChallenge.getOrDefault(ch.id(), List.of())) {
                    stepMeasures.add(measures.computeIfAbsent(i.id(), k -> new Measure(
                            IndicatorProgress.of(i, actuals.get(i.id()), ws.planFrom()), "CHALLENGE",
                            String.valueOf(ch.number()), ch.title())));
                }
                for (ProjectRef p : projectsByChallenge.getOrDefault(ch.id(), List.of())) {
                    List<Long> leads = leadsByProject.getOrDefault(p.id(), List.of());
                    projects.putIfAbsent(p.id(), new ProjectView(p, leads.contains(actorId),
                            leads.stream().map(id -> acting.actorIn(id, fiscalYear)).toList()));
                }
            }
            for (ProjectView p : projects.values()) {
                for (Indicator i : byProject.getOrDefault(p.project().id(), List.of())) {
                    stepMeasures.add(measures.computeIfAbsent(i.id(), k -> new Measure(
                            IndicatorProgress.of(i, actuals.get(i.id()), ws.planFrom()), "PROJECT",
                            p.project().code(), p.project().name())));
                }
            }
            if (paging != null && (at < paging.from() || at >= paging.to())) {
                continue;
            }
            List<ActionView> actions = new ArrayList<>();
            for (ActionRow a : acting.actionsAt(s.id())) {
                if (a.actorIds().contains(actorId)) {
                    actions.add(new ActionView(a.text(), a.actorIds().stream().filter(id -> id != actorId)
                            .map(id -> acting.actorIn(id, fiscalYear)).toList()));
                }
            }
            StepView view = new StepView(s, actions, challenges, List.copyOf(projects.values()), stepMeasures,
                    handoff(acting, s, -1, actorId, fiscalYear), handoff(acting, s, +1, actorId, fiscalYear));
            groups.computeIfAbsent(s.journeySlug(), k -> new JourneyGroup(s.journeySlug(), s.journeyTitle(),
                    s.personaSlug(), s.personaLabel(), new ArrayList<>())).steps().add(view);
        }
        var led = actors.findLedProjects(actorId);
        List<Measure> measureList = List.copyOf(measures.values());
        int onTrack = (int) measureList.stream().filter(m -> m.progress().status().onTrack()).count();
        int withActual = (int) measureList.stream().filter(m -> m.progress().latest() != null).count();
        List<JourneyGroup> journeyGroups = List.copyOf(groups.values());
        Summary summary = new Summary(journeysActed.size(), steps.size(), troubled, led.size(), measureList.size(),
                onTrack, withActual);
        ActorRow r = row.get();
        return Optional.of(new ActorOverview(acting.actorIn(actorId, fiscalYear), r.version(), fiscalYear,
                acting.names().of(actorId), summary, journeyGroups, led, measureList,
                paging != null ? paging : new Paging("page", 1, Math.max(1, steps.size()), steps.size())));
    }

    private static Handoff handoff(Acting acting, StepRow step, int offset, long actorId, Integer fiscalYear) {
        return acting.neighbour(step, offset).map(n -> {
            List<Long> ids = acting.actorsAt(n.id());
            return new Handoff(n, ids.stream().map(id -> acting.actorIn(id, fiscalYear)).toList(), ids.contains(actorId));
        }).orElse(new Handoff(null, List.of(), false));
    }

    /** An actor of the directory with the names a search matched (empty when no search or the name shown matched). */
    public record DirectoryEntry(Actor actor, List<NameSpan> otherNames, List<ActorName> matchedOldNames,
                                 long steps, long journeys) {
        public String matchedOldNamesText() {
            return String.join("・", matchedOldNames.stream().map(ActorName::name).toList());
        }
    }

    /**
     * The directory: every actor as of a fiscal year, optionally only those one of whose names contains {@code query}.
     * Names are searched and steps and journeys counted in SQL, so the directory never reads the journeys themselves.
     */
    public List<DirectoryEntry> directory(Workspace ws, String query, Integer fiscalYear) {
        String q = query == null ? "" : query.strip();
        ActorNames names = actors.names(ws.id());
        Map<Long, List<ActorName>> matching = q.isEmpty() ? Map.of() : actors.namesMatching(ws.id(), q);
        Map<Long, ActorRepository.Reach> reach = actors.reach(ws.id());
        List<DirectoryEntry> result = new ArrayList<>();
        for (ActorRow r : actors.actorRows(ws.id())) {
            long id = r.actor().id();
            List<ActorName> matched = matching.getOrDefault(id, List.of());
            if (!q.isEmpty() && matched.isEmpty()) {
                continue;
            }
            Actor shown = new Actor(id, names.in(id, fiscalYear, r.actor().name()), r.actor().kind());
            ActorRepository.Reach counts = reach.getOrDefault(id, new ActorRepository.Reach(0, 0));
            result.add(new DirectoryEntry(shown, names.others(id, shown.name()).stream()
                            .map(n -> new NameSpan(n, names.untilYear(id, n))).toList(),
                    matched.stream().filter(n -> !n.name().equals(shown.name())).toList(),
                    counts.steps(), counts.journeys()));
        }
        return result;
    }

    /** A name with the fiscal years it is in force; {@code untilYear} null for the newest name. */
    public record NameSpan(ActorName name, Integer untilYear) {
    }

    /** What a rename form sends: the new name, the fiscal year it takes effect, and the version it was based on. */
    public record Rename(String name, String fromFiscalYear, String version) {
    }

    /**
     * Gives an actor a new name from a fiscal year on (1 April). A name given for a year that already has one
     * replaces it (a correction). Validates, checks the version, writes and records the change in one transaction.
     *
     * @throws ValidationException a missing or too long name, a year that is not a fiscal year or precedes the
     *                             actor's first name, a name another actor of the workspace has or had, or no change
     * @throws ConflictException   the actor changed since {@code version}
     */
    public ActorName rename(Workspace ws, long actorId, Rename form) {
        return database.inTransaction(c -> {
            ActorRow row = ActorRepository.findRow(c, ws.id(), actorId)
                    .orElseThrow(() -> new ConflictException("actor", parseVersion(form.version()), null));
            List<ActorName> before = ActorRepository.storedNamesOf(c, actorId);
            if (before.isEmpty()) {
                before = List.of(new ActorName(ws.planFrom(), row.actor().name()));
            }
            String name = form.name() == null ? "" : form.name().strip();
            List<FieldError> errors = new ArrayList<>();
            if (name.isEmpty()) {
                errors.add(FieldError.of("name", "actor.rename.error.nameRequired"));
            } else if (name.length() > MAX_NAME_LENGTH) {
                errors.add(FieldError.of("name", "actor.rename.error.nameTooLong", MAX_NAME_LENGTH));
            }
            Integer year = parseYear(form.fromFiscalYear());
            int first = before.isEmpty() ? ws.planFrom() : before.get(0).fromFiscalYear();
            if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
                errors.add(FieldError.of("fromFiscalYear", "actor.rename.error.year", String.valueOf(FIRST_YEAR),
                        String.valueOf(LAST_YEAR)));
            } else if (year < first) {
                errors.add(FieldError.of("fromFiscalYear", "actor.rename.error.yearBeforeFirst",
                        new FiscalYear(first).wareki(), String.valueOf(first)));
            }
            if (!name.isEmpty()) {
                ActorNames all = ActorRepository.names(c, ws.id());
                String taken = ownerOfName(c, ws.id(), actorId, name, all);
                if (taken != null) {
                    errors.add(FieldError.of("name", "actor.rename.error.nameTaken", taken));
                } else if (year != null && errors.isEmpty() && name.equals(all.in(actorId, year, row.actor().name()))) {
                    errors.add(FieldError.of("name", "actor.rename.error.unchanged", name));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            long version = parseVersion(form.version());
            if (version != row.version()) {
                throw new ConflictException("actor", version, state(row, before));
            }
            if (ActorRepository.storedNamesOf(c, actorId).isEmpty()) {
                ActorRepository.putName(c, actorId, first, row.actor().name());
            }
            ActorRepository.putName(c, actorId, year, name);
            if (ActorRepository.syncNewestName(c, actorId, version) != 1) {
                throw new ConflictException("actor", version, state(row, before));
            }
            ActorRow after = ActorRepository.findRow(c, ws.id(), actorId).orElseThrow();
            ChangeLog.record(c, new Change(ws.id(), "actor", actorId, Operation.UPDATE,
                    RENAMED.t("actor.history.renamed", row.actor().name(), new FiscalYear(year).wareki(), name),
                    state(row, before), state(after, ActorRepository.storedNamesOf(c, actorId))));
            return new ActorName(year, name);
        });
    }

    /** The (newest) name of another actor of the workspace that has or had {@code name}, or null. */
    private static String ownerOfName(Connection c, long workspaceId, long actorId, String name, ActorNames all)
            throws SQLException {
        for (long other : kusari.db.Sql.query(c, "SELECT id FROM actor WHERE workspace_id = ? AND id <> ?",
                rs -> rs.getLong(1), workspaceId, actorId)) {
            if (all.of(other).stream().anyMatch(n -> n.name().equals(name))) {
                return all.in(other, null, name);
            }
        }
        return null;
    }

    /** An actor as the history records it and a stale rename is shown: its newest name and every name by year. */
    record ActorState(long id, String name, ActorKind kind, long version, List<ActorName> names) {
    }

    /** The state as a JSON tree, the form in which the history and a conflict carry any thing's state. */
    private static JsonNode state(ActorRow row, List<ActorName> names) {
        return JSON.valueToTree(new ActorState(row.actor().id(), row.actor().name(), row.actor().kind(), row.version(),
                names));
    }

    /** A fiscal year as people type it (2023, R5, 令和5年度 …), or null. */
    static Integer parseYear(String raw) {
        return kusari.core.FiscalYear.parse(raw).map(kusari.core.FiscalYear::year).orElse(null);
    }

    private static long parseVersion(String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
