package kusari.files;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.OptBoolean;
import java.math.BigDecimal;
import java.util.List;

/**
 * The records of the workspace file format (docs/data-format.md). Field order here is the canonical key order
 * of the files, so that {@link Canonicalize} writes them back exactly as they are meant to be kept in git.
 */
public final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /** journeys/&lt;ws&gt;/workspace.json */
    public record WorkspaceFile(String slug, String name, String fullName, String municipality,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                @JacksonInject(value = DataJson.NO_MUNICIPALITIES, useInput = OptBoolean.TRUE)
                                List<String> municipalities,
                                String published, PlanPeriod planPeriod, List<String> levels,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                @JacksonInject(value = DataJson.NO_LEVELS_EN, useInput = OptBoolean.TRUE)
                                List<String> levelsEn,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                @JacksonInject(value = DataJson.NO_ROLES, useInput = OptBoolean.TRUE)
                                List<String> codePatterns,
                                String description, String source,
                                @JsonInclude(JsonInclude.Include.NON_NULL)
                                @JacksonInject(value = DataJson.NO_ABOUT, useInput = OptBoolean.TRUE)
                                AboutEntry about,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                @JacksonInject(value = DataJson.NO_READINGS, useInput = OptBoolean.TRUE)
                                List<String> readings) {

        /**
         * {@code codePatterns} (one per level from the top, optional) was added; files without it read as before.
         * So were {@code about} (the strategy around its chain) and {@code readings}, both optional, and
         * {@code levelsEn} (what English pages call each level, from the top; optional, and written only when the
         * workspace has some, so that files without it come back byte for byte). So was {@code municipalities}: the
         * municipalities of a joint strategy, in order; left out, the strategy's municipalities are just its
         * {@code municipality}, and the export writes the list only where they are not.
         */
        @com.fasterxml.jackson.annotation.JsonCreator
        public WorkspaceFile {
            municipalities = municipalities == null ? List.of() : municipalities;
            levelsEn = levelsEn == null ? List.of() : levelsEn;
        }

        public WorkspaceFile(String slug, String name, String fullName, String municipality, String published,
                             PlanPeriod planPeriod, List<String> levels, List<String> codePatterns,
                             String description, String source, AboutEntry about, List<String> readings) {
            this(slug, name, fullName, municipality, List.of(), published, planPeriod, levels, List.of(), codePatterns,
                    description, source, about, readings);
        }

        public WorkspaceFile(String slug, String name, String fullName, String municipality, String published,
                             PlanPeriod planPeriod, List<String> levels, List<String> codePatterns,
                             String description, String source) {
            this(slug, name, fullName, municipality, published, planPeriod, levels, codePatterns,
                    description, source, null, List.of());
        }

        public WorkspaceFile(String slug, String name, String fullName, String municipality, String published,
                             PlanPeriod planPeriod, List<String> levels, String description, String source) {
            this(slug, name, fullName, municipality, published, planPeriod, levels, List.of(), description, source);
        }

        /** The strategy's municipalities: the list, or when the file gives none its one {@code municipality}. */
        public List<String> members() {
            return municipalities == null || municipalities.isEmpty()
                    ? (municipality == null ? List.of() : List.of(municipality)) : municipalities;
        }
    }

    /**
     * The strategy around its chain (optional in workspace.json): its slogan, the 理念 and 基本的視点 it rests on,
     * how its policy fields answer the national 基本目標, how progress is managed (the basis of the yearly review),
     * where the personas come from (interviews), and the survey results the document gives as evidence.
     */
    public record AboutEntry(String slogan, List<Statement> principles, List<Statement> viewpoints,
                             List<GoalMapping> nationalGoals, String progressManagement, String interviews,
                             List<SurveyEntry> surveys) {
    }

    /** A 理念 or a 基本的視点: its heading and its text ("" where the document gives only the heading). */
    public record Statement(String title, String text) {
    }

    /** One national 基本目標, the city's 基本目標 as the document words and numbers it, and the policy field's code. */
    public record GoalMapping(String nationalGoal, String cityGoal, String policyField) {
    }

    /** A survey result of the document: its question, the column heads ([] where none), one row per answer. */
    public record SurveyEntry(String policyField, String question, List<String> columns, List<SurveyRow> rows) {
    }

    /** One answer of a survey with its values as the document writes them ("80.7"). */
    public record SurveyRow(String label, List<String> values) {
    }

    public record PlanPeriod(int from, int to) {
    }

    /** journeys/&lt;ws&gt;/actors.json */
    public record ActorsFile(List<ActorEntry> actors) {
    }

    /**
     * A department or partner. {@code names} is optional: its name history, oldest first, each name with the fiscal
     * year it took effect (departments are renamed on 1 April); written only for an actor that was renamed, and
     * its last name is {@code name}. Left out, the actor has had its one name since the plan's first year.
     */
    public record ActorEntry(String name, String kind,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY)
                             @JacksonInject(value = DataJson.NO_ROLES, useInput = OptBoolean.TRUE)
                             List<NameEntry> names,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY)
                             @JacksonInject(value = DataJson.NO_READINGS, useInput = OptBoolean.TRUE)
                             List<String> readings) {

        /** {@code readings} (optional) was added: how the transcriber read an actor's name or kind. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public ActorEntry {
        }

        public ActorEntry(String name, String kind, List<NameEntry> names) {
            this(name, kind, names, List.of());
        }

        public ActorEntry(String name, String kind) {
            this(name, kind, List.of());
        }
    }

    /** One name of an actor and the fiscal year from which it was used. */
    public record NameEntry(int fromFiscalYear, String name) {
    }

    /** journeys/&lt;ws&gt;/framework.json */
    public record FrameworkFile(List<NodeEntry> nodes) {
    }

    public record NodeEntry(String code, String title, String description, List<IndicatorEntry> indicators,
                            List<NodeEntry> children, List<ProjectEntry> projects,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY)
                            @JacksonInject(value = DataJson.NO_READINGS, useInput = OptBoolean.TRUE)
                            List<String> readings) {

        /** {@code readings} (optional) was added: where the overview and the detailed section disagree, say. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public NodeEntry {
        }

        public NodeEntry(String code, String title, String description, List<IndicatorEntry> indicators,
                         List<NodeEntry> children, List<ProjectEntry> projects) {
            this(code, title, description, indicators, children, projects, List.of());
        }
    }

    /**
     * A goal indicator or KPI. {@code actuals} (the values per fiscal year — actual, forecast, or "cannot be
     * assessed" with the reason in {@code note}) is optional like {@code roles}: written only when there are some.
     */
    public record IndicatorEntry(String kind, String name, String unit, String direction, Baseline baseline,
                                 Target target,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                 @JacksonInject(value = DataJson.NO_ROLES, useInput = OptBoolean.TRUE)
                                 List<ActualEntry> actuals,
                                 @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                 @JacksonInject(value = DataJson.NO_READINGS, useInput = OptBoolean.TRUE)
                                 List<String> readings) {

        /** {@code readings} (optional) was added: how an indicator was read from the document's table. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public IndicatorEntry {
        }

        public IndicatorEntry(String kind, String name, String unit, String direction, Baseline baseline,
                              Target target, List<ActualEntry> actuals) {
            this(kind, name, unit, direction, baseline, target, actuals, List.of());
        }
    }

    /** An indicator's value for one fiscal year; {@code value} null only when the state is NOT_ASSESSABLE. */
    public record ActualEntry(int fiscalYear, String state, BigDecimal value, String dataDate, String source,
                              String note) {
    }

    public record Baseline(BigDecimal value, String text, String year, String source) {
    }

    public record Target(BigDecimal value, String text, int fiscalYear) {
    }

    /**
     * A project. {@code roles} (役割分担 of a joint strategy) is optional: written only when there are some, so the
     * files of a single municipality stay free of empty lists, and read as empty when left out.
     */
    public record ProjectEntry(String code, String name, String description, boolean experienceChain,
                               List<String> leadActors, List<IndicatorEntry> indicators, List<BudgetEntry> budgets,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY)
                               @JacksonInject(value = DataJson.NO_ROLES, useInput = OptBoolean.TRUE)
                               List<RoleEntry> roles,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY)
                               @JacksonInject(value = DataJson.NO_SOURCES, useInput = OptBoolean.TRUE)
                               List<SourceEntry> budgetSources,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY)
                               @JacksonInject(value = DataJson.NO_ROADMAP, useInput = OptBoolean.TRUE)
                               List<RoadmapEntry> roadmap,
                               List<String> readings) {

        /** {@code budgetSources} and {@code roadmap} (optional, like roles) were added. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public ProjectEntry {
        }

        public ProjectEntry(String code, String name, String description, boolean experienceChain,
                            List<String> leadActors, List<IndicatorEntry> indicators, List<BudgetEntry> budgets,
                            List<RoleEntry> roles, List<String> readings) {
            this(code, name, description, experienceChain, leadActors, indicators, budgets, roles, List.of(), List.of(),
                    readings);
        }
    }

    /**
     * What one partner municipality does in a joint project (役割分担), and (optional) its share of the cost
     * in percent.
     */
    public record RoleEntry(String municipality, String role,
                            @JsonInclude(JsonInclude.Include.NON_NULL)
                            @JacksonInject(value = DataJson.NO_SHARE, useInput = OptBoolean.TRUE)
                            BigDecimal sharePercent) {

        @com.fasterxml.jackson.annotation.JsonCreator
        public RoleEntry {
        }

        public RoleEntry(String municipality, String role) {
            this(municipality, role, null);
        }
    }

    /** part of a fiscal year's budget estimate from one funding source (NATIONAL, PREFECTURE, BOND, OTHER, GENERAL). */
    public record SourceEntry(int fiscalYear, String source, long thousandYen) {
    }

    /**
     * What a project does in one fiscal year, in one row of its roadmap ({@code track}, e.g. 「施設整備」; left out
     * of the file for a roadmap of a single row).
     */
    public record RoadmapEntry(@JsonInclude(JsonInclude.Include.NON_EMPTY)
                               @JacksonInject(value = DataJson.NO_TRACK, useInput = OptBoolean.TRUE) String track,
                               int fiscalYear, String text) {
        public RoadmapEntry {
            track = track == null ? "" : track;
        }
    }

    public record BudgetEntry(int fiscalYear, long thousandYen) {
    }

    /** journeys/&lt;ws&gt;/challenges.json */
    public record ChallengesFile(List<ChallengeEntry> challenges) {
    }

    public record ChallengeEntry(int number, String title, List<String> evidence, List<String> approaches,
                                 List<String> actionIndicators, List<ProjectLink> projects, List<String> readings) {
    }

    public record ProjectLink(String code, String basis, String note) {
    }

    /** personas/&lt;ws&gt;/&lt;slug&gt;.json */
    public record PersonaFile(String slug, String label, int order, String tagline, String profile,
                              List<String> attributes, List<String> story, String policyField, List<String> readings) {
    }

    /** journeys/&lt;ws&gt;/&lt;slug&gt;.json */
    public record JourneyFile(String slug, String persona, String title, List<StepEntry> steps, List<String> readings,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY)
                              @JacksonInject(value = DataJson.NO_WORKSHOPS, useInput = OptBoolean.TRUE)
                              List<WorkshopEntry> workshops) {

        /** {@code workshops} (the sessions held on the journey) was added, optional: files without it read as before. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public JourneyFile {
        }

        public JourneyFile(String slug, String persona, String title, List<StepEntry> steps, List<String> readings) {
            this(slug, persona, title, steps, readings, List.of());
        }
    }

    /**
     * A workshop held on the journey, as its record: title, date ("" when none was given), whether participants were
     * named, the votes each had, whether they saw each other's cards, the phase it ended in and when it was opened;
     * its participants by number (their display names, "" in an anonymous workshop) and its cards. Join codes and
     * the phones' cookies never travel: a workshop read from the files is closed, under a code no phone can type.
     */
    public record WorkshopEntry(String title, String date, boolean named, int votesPerParticipant, boolean cardsShared,
                                String phase, String openedAt, List<String> participants, List<CardEntry> cards) {
    }

    /**
     * A card: the step's position, its kind (JOY, TROUBLE, IDEA), text, feeling (null or −2…+2), whether the
     * facilitator hid it or its author withdrew it, what it became in the chain ("" for nothing; painPoint,
     * emotionText, step, action, challenge), when it was posted, who posted it (participant number, 0 for no one
     * known) and who voted for it (participant numbers, ascending).
     */
    public record CardEntry(int step, String kind, String text, Integer emotion, boolean hidden, boolean withdrawn,
                            String became, String postedAt, int by, List<Integer> votes) {
    }

    public record StepEntry(String title, String emotionText, int emotionScore, String painPoint,
                            List<Integer> challenges, List<ActionEntry> actions) {
    }

    public record ActionEntry(List<String> actors, String text) {
    }

    /** Every file of one workspace, parsed and checked. */
    public record LoadedWorkspace(WorkspaceFile workspace, ActorsFile actors, FrameworkFile framework,
                                  ChallengesFile challenges, List<PersonaFile> personas, List<JourneyFile> journeys) {

        public String slug() {
            return workspace.slug();
        }
    }
}
