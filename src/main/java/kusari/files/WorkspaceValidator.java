package kusari.files;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kusari.change.Field;
import kusari.files.WorkspaceFiles.ActionEntry;
import kusari.files.WorkspaceFiles.ActorEntry;
import kusari.files.WorkspaceFiles.ActorsFile;
import kusari.files.WorkspaceFiles.BudgetEntry;
import kusari.files.WorkspaceFiles.ChallengeEntry;
import kusari.files.WorkspaceFiles.ChallengesFile;
import kusari.files.WorkspaceFiles.FrameworkFile;
import kusari.files.WorkspaceFiles.IndicatorEntry;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.NodeEntry;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.files.WorkspaceFiles.ProjectEntry;
import kusari.files.WorkspaceFiles.ProjectLink;
import kusari.files.WorkspaceFiles.StepEntry;
import kusari.files.WorkspaceFiles.WorkspaceFile;
import kusari.files.WorkspaceLoader.Named;

/** The consistency rules across the files of one workspace: names resolve, codes are unique, values are in range. */
final class WorkspaceValidator {

    /** On a node or project the files hold goal indicators and KPIs; action indicators belong to challenges. */
    private static final Set<String> INDICATOR_KINDS = Set.of("GOAL", "KPI");

    private final String slug;
    private final String dir;
    private final WorkspaceFile workspace;
    private final ActorsFile actors;
    private final FrameworkFile framework;
    private final ChallengesFile challenges;
    private final List<Named<PersonaFile>> personas;
    private final List<Named<JourneyFile>> journeys;

    private List<DataFileProblem> problems;
    private FieldChecks fields;
    private final Set<String> actorNames = new HashSet<>();
    private final Set<String> topCodes = new HashSet<>();
    private final Set<String> projectCodes = new HashSet<>();
    private final Set<Integer> challengeNumbers = new HashSet<>();

    WorkspaceValidator(String slug, String dir, WorkspaceFile workspace, ActorsFile actors, FrameworkFile framework,
                       ChallengesFile challenges, List<Named<PersonaFile>> personas, List<Named<JourneyFile>> journeys) {
        this.slug = slug;
        this.dir = dir;
        this.workspace = workspace;
        this.actors = actors;
        this.framework = framework;
        this.challenges = challenges;
        this.personas = personas;
        this.journeys = journeys;
    }

    void validate(List<DataFileProblem> into) {
        this.problems = into;
        this.fields = new FieldChecks(into);
        checkWorkspace();
        checkActors();
        checkFramework();
        checkAbout();
        checkChallenges();
        Set<String> personaSlugs = checkPersonas();
        checkJourneys(personaSlugs);
    }

    private void checkWorkspace() {
        String file = dir + "/workspace.json";
        if (!workspace.slug().equals(slug)) {
            add(file, "$.slug", "is \"" + workspace.slug() + "\" but the folder is \"" + slug + "\": they must be equal");
        }
        fields.check(file, "$", FileKinds.kind("workspace"), FileRows.workspace(workspace), FileRows.WORKSPACE_PATHS);
        int from = workspace.planPeriod().from();
        int to = workspace.planPeriod().to();
        if (to < from) {
            add(file, "$.planPeriod.to", "must not be before planPeriod.from (" + from + "), not " + to);
        }
        if (workspace.levels().size() < 2) {
            add(file, "$.levels", "needs at least two level names: the framework's levels and the project level last");
        }
        if (workspace.levelsEn().size() > workspace.levels().size()) {
            add(file, "$.levelsEn", "has more English labels (" + workspace.levelsEn().size() + ") than there are levels ("
                    + workspace.levels().size() + ")");
        }
        if (workspace.codePatterns().size() > workspace.levels().size()) {
            add(file, "$.codePatterns", "has more patterns than the framework has levels");
        }
        Set<String> municipalities = new HashSet<>();
        for (int i = 0; i < workspace.municipalities().size(); i++) {
            if (!municipalities.add(workspace.municipalities().get(i))) {
                add(file, "$.municipalities[" + i + "]", "duplicate municipality \"" + workspace.municipalities().get(i)
                        + "\": list each municipality once");
            }
        }
    }

    /**
     * The strategy's "about": policy fields named by a top-level code, and cells without line breaks (the database
     * keeps a survey's cells one per line, so a break inside a cell would come back as two cells).
     */
    private void checkAbout() {
        WorkspaceFiles.AboutEntry about = workspace.about();
        if (about == null) {
            return;
        }
        String file = dir + "/workspace.json";
        notBlank(file, "$.about.slogan", about.slogan());
        for (int i = 0; i < about.nationalGoals().size(); i++) {
            String code = about.nationalGoals().get(i).policyField();
            if (!topCodes.contains(code)) {
                add(file, "$.about.nationalGoals[" + i + "].policyField",
                        "unknown policy field \"" + code + "\" (not a top-level code in framework.json)");
            }
        }
        for (int i = 0; i < about.surveys().size(); i++) {
            WorkspaceFiles.SurveyEntry survey = about.surveys().get(i);
            String at = "$.about.surveys[" + i + "]";
            if (!topCodes.contains(survey.policyField())) {
                add(file, at + ".policyField",
                        "unknown policy field \"" + survey.policyField() + "\" (not a top-level code in framework.json)");
            }
            oneLine(file, at + ".columns", survey.columns());
            for (int r = 0; r < survey.rows().size(); r++) {
                oneLine(file, at + ".rows[" + r + "].values", survey.rows().get(r).values());
            }
        }
    }

    private void oneLine(String file, String at, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).contains("\n")) {
                add(file, at + "[" + i + "]", "a cell must be one line");
            }
        }
    }

    private void checkActors() {
        String file = dir + "/actors.json";
        for (int i = 0; i < actors.actors().size(); i++) {
            ActorEntry a = actors.actors().get(i);
            String at = "$.actors[" + i + "]";
            fields.check(file, at, FileKinds.kind("actor"), FileRows.actor(a));
            if (!actorNames.add(a.name())) {
                add(file, at + ".name", "duplicate actor \"" + a.name() + "\"");
            }
            checkNames(file, at, a);
        }
    }

    /** A name history runs oldest first, in later and later years, and ends with the actor's name. */
    private void checkNames(String file, String at, ActorEntry a) {
        if (a.names().isEmpty()) {
            return;
        }
        if (a.names().size() < 2) {
            add(file, at + ".names", "a name history needs at least two names (leave it out for one name)");
        }
        for (int n = 0; n < a.names().size(); n++) {
            notBlank(file, at + ".names[" + n + "].name", a.names().get(n).name());
            if (n > 0 && a.names().get(n).fromFiscalYear() <= a.names().get(n - 1).fromFiscalYear()) {
                add(file, at + ".names[" + n + "].fromFiscalYear", "must be later than the name before");
            }
        }
        if (!a.names().get(a.names().size() - 1).name().equals(a.name())) {
            add(file, at + ".names", "the last name must be the actor's name \"" + a.name() + "\"");
        }
    }

    /** A level's name as workspace.json gives it, for messages: " (戦略)". */
    private String level(int depth) {
        return depth >= 1 && depth <= workspace.levels().size() ? " (" + workspace.levels().get(depth - 1) + ")" : "";
    }

    private void checkFramework() {
        String file = dir + "/framework.json";
        // a code is unique within a level (基本目標1 and 戦略1 may both be there), projects being a level of their own
        java.util.Map<Integer, Set<String>> codes = new java.util.HashMap<>();
        if (framework.nodes().isEmpty()) {
            add(file, "$.nodes", "the framework needs at least one top-level node");
        }
        int nodeLevels = workspace.levels().size() - 1;
        for (int i = 0; i < framework.nodes().size(); i++) {
            NodeEntry node = framework.nodes().get(i);
            topCodes.add(node.code());
            checkNode(file, "$.nodes[" + i + "]", node, 1, nodeLevels, codes);
        }
    }

    private void checkNode(String file, String at, NodeEntry node, int depth, int nodeLevels,
                           java.util.Map<Integer, Set<String>> codes) {
        fields.check(file, at, FileKinds.kind("framework_node"), FileRows.node(node));
        if (!codes.computeIfAbsent(depth, d -> new HashSet<>()).add(node.code())) {
            add(file, at + ".code", "duplicate code \"" + node.code() + "\" on level " + depth + level(depth));
        }
        if (depth > nodeLevels) {
            add(file, at, "is at depth " + depth + " but workspace.json names only " + nodeLevels + " framework level(s) above the projects");
        }
        checkCodePattern(file, at + ".code", node.code(), depth);
        checkIndicators(file, at, node.indicators());
        for (int i = 0; i < node.children().size(); i++) {
            checkNode(file, at + ".children[" + i + "]", node.children().get(i), depth + 1, nodeLevels, codes);
        }
        for (int i = 0; i < node.projects().size(); i++) {
            ProjectEntry p = node.projects().get(i);
            String pat = at + ".projects[" + i + "]";
            fields.check(file, pat, FileKinds.kind("project"), FileRows.project(p), FileRows.PROJECT_PATHS);
            checkCodePattern(file, pat + ".code", p.code(), workspace.levels().size());
            int projectLevel = workspace.levels().size();
            if (!codes.computeIfAbsent(projectLevel, d -> new HashSet<>()).add(p.code())) {
                add(file, pat + ".code", "duplicate code \"" + p.code() + "\" on level " + projectLevel
                        + level(projectLevel));
            }
            projectCodes.add(p.code());
            Set<String> leads = new HashSet<>();
            for (int a = 0; a < p.leadActors().size(); a++) {
                requireActor(file, pat + ".leadActors[" + a + "]", p.leadActors().get(a));
                if (!leads.add(p.leadActors().get(a))) {
                    add(file, pat + ".leadActors[" + a + "]", "actor \"" + p.leadActors().get(a) + "\" is listed twice");
                }
            }
            checkIndicators(file, pat, p.indicators());
            Set<String> municipalities = new HashSet<>();
            for (int r = 0; r < p.roles().size(); r++) {
                String rat = pat + ".roles[" + r + "]";
                fields.check(file, rat, FileKinds.kind("project_role"), FileRows.role(p.roles().get(r)));
                String municipality = p.roles().get(r).municipality();
                if (!municipalities.add(municipality)) {
                    add(file, rat + ".municipality", "duplicate municipality \"" + municipality + "\"");
                } else if (municipality != null && !workspace.members().contains(municipality)) {
                    add(file, rat + ".municipality", "\"" + municipality + "\" is not one of the strategy's "
                            + "municipalities (workspace.json municipalities, or its municipality): "
                            + String.join(", ", workspace.members()));
                }
            }
            Set<Integer> years = new HashSet<>();
            for (int b = 0; b < p.budgets().size(); b++) {
                BudgetEntry budget = p.budgets().get(b);
                String bat = pat + ".budgets[" + b + "]";
                if (!years.add(budget.fiscalYear())) {
                    add(file, bat + ".fiscalYear", "duplicate fiscal year " + budget.fiscalYear());
                }
                if (budget.thousandYen() < 0) {
                    add(file, bat + ".thousandYen", "must not be negative");
                }
            }
            checkPlanParts(file, pat, p);
        }
    }

    /** a code follows its level's pattern when workspace.json gives one. */
    private void checkCodePattern(String file, String at, String code, int depth) {
        List<String> patterns = workspace.codePatterns();
        if (code != null && depth >= 1 && depth <= patterns.size()
                && !kusari.core.CodePattern.matches(patterns.get(depth - 1), code)) {
            add(file, at, "\"" + code + "\" does not follow the pattern \"" + patterns.get(depth - 1)
                    + "\" of its level (workspace.json codePatterns)");
        }
    }

    // partners' shares, budgets by funding source, roadmaps
    private void checkPlanParts(String file, String pat, WorkspaceFiles.ProjectEntry p) {
        java.math.BigDecimal shares = java.math.BigDecimal.ZERO;
        for (int r = 0; r < p.roles().size(); r++) {
            java.math.BigDecimal share = p.roles().get(r).sharePercent();
            if (share != null) {
                if (share.signum() < 0 || share.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
                    add(file, pat + ".roles[" + r + "].sharePercent", "must be between 0 and 100");
                }
                shares = shares.add(share);
            }
        }
        if (shares.compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            add(file, pat + ".roles", "the shares add up to " + shares.toPlainString() + "%, more than 100%");
        }
        Set<String> sourceYears = new HashSet<>();
        for (int i = 0; i < p.budgetSources().size(); i++) {
            WorkspaceFiles.SourceEntry e = p.budgetSources().get(i);
            String at = pat + ".budgetSources[" + i + "]";
            fields.check(file, at, FileKinds.kind("budget_source"), FileRows.budgetSource(e));
            if (!sourceYears.add(e.fiscalYear() + " " + e.source())) {
                add(file, at, "duplicate " + e.source() + " for fiscal year " + e.fiscalYear());
            }
        }
        Set<String> roadmapYears = new HashSet<>();
        for (int i = 0; i < p.roadmap().size(); i++) {
            WorkspaceFiles.RoadmapEntry e = p.roadmap().get(i);
            String at = pat + ".roadmap[" + i + "]";
            fields.check(file, at, FileKinds.kind("roadmap_entry"), FileRows.roadmap(e));
            if (!roadmapYears.add(e.track() + "\u001f" + e.fiscalYear())) {
                add(file, at + ".fiscalYear", "duplicate fiscal year " + e.fiscalYear()
                        + (e.track().isEmpty() ? "" : " in the row \"" + e.track() + "\""));
            }
        }
    }

    private void checkIndicators(String file, String at, List<IndicatorEntry> indicators) {
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorEntry ind = indicators.get(i);
            String iat = at + ".indicators[" + i + "]";
            fields.check(file, iat, FileKinds.kind("indicator"), FileRows.indicator(ind), FileRows.INDICATOR_PATHS);
            if (!INDICATOR_KINDS.contains(ind.kind())) {
                add(file, iat + ".kind", "must be GOAL or KPI here (action indicators belong to challenges), not \"" + ind.kind() + "\"");
            }
            Set<Integer> years = new HashSet<>();
            for (int a = 0; a < ind.actuals().size(); a++) {
                WorkspaceFiles.ActualEntry actual = ind.actuals().get(a);
                String aat = iat + ".actuals[" + a + "]";
                fields.check(file, aat, FileKinds.kind("actual"), FileRows.actual(actual));
                if (!years.add(actual.fiscalYear())) {
                    add(file, aat + ".fiscalYear", "fiscal year " + actual.fiscalYear() + " appears twice");
                }
                boolean known = FileKinds.kind("actual").field("state").orElseThrow().choices().contains(actual.state());
                if (known && actual.state().equals("NOT_ASSESSABLE") != (actual.value() == null)) {
                    add(file, aat + ".value", actual.state().equals("NOT_ASSESSABLE")
                            ? "must be null when the value cannot be assessed" : "must be a number");
                }
                if (actual.state().equals("NOT_ASSESSABLE") && actual.note().isBlank()) {
                    add(file, aat + ".note", "must give the reason why the value cannot be assessed");
                }
            }
        }
    }

    private void checkChallenges() {
        String file = dir + "/challenges.json";
        for (int i = 0; i < challenges.challenges().size(); i++) {
            ChallengeEntry c = challenges.challenges().get(i);
            String at = "$.challenges[" + i + "]";
            fields.check(file, at, FileKinds.kind("challenge"), FileRows.challenge(c));
            if (!challengeNumbers.add(c.number())) {
                add(file, at + ".number", "duplicate challenge number " + c.number());
            }
            Field actionIndicatorName = FileKinds.kind("indicator").field("name").orElseThrow();
            for (int n = 0; n < c.actionIndicators().size(); n++) {
                fields.check(file, at + ".actionIndicators[" + n + "]", actionIndicatorName, c.actionIndicators().get(n));
            }
            Set<String> linked = new HashSet<>();
            for (int p = 0; p < c.projects().size(); p++) {
                ProjectLink link = c.projects().get(p);
                String pat = at + ".projects[" + p + "]";
                if (!projectCodes.contains(link.code())) {
                    add(file, pat + ".code", "unknown project code \"" + link.code() + "\" (not in framework.json)");
                }
                if (!linked.add(link.code())) {
                    add(file, pat + ".code", "project \"" + link.code() + "\" is linked twice");
                }
                fields.check(file, pat, FileKinds.link("challenge_project").extra(), FileRows.challengeProject(link),
                        Map.of());
            }
        }
    }

    private Set<String> checkPersonas() {
        Set<String> slugs = new HashSet<>();
        Map<Integer, String> orders = new HashMap<>();
        for (Named<PersonaFile> named : personas) {
            PersonaFile p = named.value();
            String file = named.file();
            if (!p.slug().equals(named.baseName())) {
                add(file, "$.slug", "is \"" + p.slug() + "\" but the file is named \"" + named.baseName() + ".json\": they must be equal");
            }
            fields.check(file, "$", FileKinds.kind("persona"), FileRows.persona(p));
            if (!slugs.add(p.slug())) {
                add(file, "$.slug", "duplicate persona slug \"" + p.slug() + "\"");
            }
            // The database keeps the story as one text with a blank line between paragraphs: a paragraph that is
            // empty or holds a blank line itself would come back differently, so it is refused here.
            for (int i = 0; i < p.story().size(); i++) {
                String paragraph = p.story().get(i);
                if (paragraph.isBlank() || paragraph.contains("\n\n") || paragraph.startsWith("\n") || paragraph.endsWith("\n")) {
                    add(file, "$.story[" + i + "]", "a paragraph must have text and no blank line (make each paragraph its own list item)");
                }
            }
            String other = orders.put(p.order(), p.slug());
            if (other != null) {
                add(file, "$.order", "order " + p.order() + " is also used by persona \"" + other + "\"");
            }
            // "" is a persona not (or no longer) placed in a policy field: its field was deleted, or not yet chosen.
            if (!p.policyField().isEmpty() && !topCodes.contains(p.policyField())) {
                add(file, "$.policyField", "unknown policy field \"" + p.policyField() + "\" (not a top-level code in framework.json)");
            }
        }
        return slugs;
    }

    private void checkJourneys(Set<String> personaSlugs) {
        for (Named<JourneyFile> named : journeys) {
            JourneyFile j = named.value();
            String file = named.file();
            if (!j.slug().equals(named.baseName())) {
                add(file, "$.slug", "is \"" + j.slug() + "\" but the file is named \"" + named.baseName() + ".json\": they must be equal");
            }
            fields.check(file, "$", FileKinds.kind("journey"), FileRows.journey(j));
            if (!personaSlugs.contains(j.persona())) {
                add(file, "$.persona", "unknown persona \"" + j.persona() + "\" (no personas/" + slug + "/" + j.persona() + ".json)");
            }
            if (j.steps().isEmpty()) {
                add(file, "$.steps", "a journey needs at least one step");
            }
            for (int s = 0; s < j.steps().size(); s++) {
                checkStep(file, "$.steps[" + s + "]", j.steps().get(s));
            }
            for (int w = 0; w < j.workshops().size(); w++) {
                checkWorkshop(file, "$.workshops[" + w + "]", j.workshops().get(w), j.steps().size());
            }
        }
    }

    /** The limits the live workshop keeps (V012 and the workshop's own checks), so an import never half-writes one. */
    private static final Set<String> CARD_KINDS = Set.of("JOY", "TROUBLE", "IDEA");
    private static final Set<String> PHASES = Set.of("WRITE", "GROUP", "VOTE", "DECIDE");
    private static final Set<String> BECAME = Set.of("", "painPoint", "emotionText", "step", "action", "challenge");

    private void checkWorkshop(String file, String at, WorkspaceFiles.WorkshopEntry w, int steps) {
        if (w.title().isBlank() || w.title().codePointCount(0, w.title().length()) > 200) {
            add(file, at + ".title", "a workshop's title is 1 to 200 characters");
        }
        if (!w.date().isEmpty() && !w.date().matches("\\d{4}-\\d{2}-\\d{2}")) {
            add(file, at + ".date", "is \"" + w.date() + "\": write YYYY-MM-DD, or \"\" for none");
        }
        if (w.votesPerParticipant() < 0 || w.votesPerParticipant() > 20) {
            add(file, at + ".votesPerParticipant", "must be 0 to 20");
        }
        if (!PHASES.contains(w.phase())) {
            add(file, at + ".phase", "is \"" + w.phase() + "\": one of WRITE, GROUP, VOTE, DECIDE");
        }
        notBlank(file, at + ".openedAt", w.openedAt());
        for (int p = 0; p < w.participants().size(); p++) {
            String name = w.participants().get(p);
            if (name.codePointCount(0, name.length()) > 40 || name.codePoints().anyMatch(Character::isISOControl)) {
                add(file, at + ".participants[" + p + "]", "a name is at most 40 characters, without line breaks");
            } else if (!w.named() && !name.isEmpty()) {
                add(file, at + ".participants[" + p + "]", "an anonymous workshop keeps no names: write \"\"");
            }
        }
        for (int k = 0; k < w.cards().size(); k++) {
            WorkspaceFiles.CardEntry card = w.cards().get(k);
            String cat = at + ".cards[" + k + "]";
            if (card.step() < 1 || card.step() > steps) {
                add(file, cat + ".step", "step " + card.step() + " is not a position of this journey (1 to " + steps + ")");
            }
            if (!CARD_KINDS.contains(card.kind())) {
                add(file, cat + ".kind", "is \"" + card.kind() + "\": one of JOY, TROUBLE, IDEA");
            }
            if (card.text().isBlank() || card.text().length() > 200) {
                add(file, cat + ".text", "a card's text is 1 to 200 characters");
            }
            if (card.emotion() != null && (card.emotion() < -2 || card.emotion() > 2)) {
                add(file, cat + ".emotion", "must be null or -2 to 2");
            }
            if (!BECAME.contains(card.became())) {
                add(file, cat + ".became", "is \"" + card.became() + "\": one of painPoint, emotionText, step, action, challenge, or \"\"");
            }
            notBlank(file, cat + ".postedAt", card.postedAt());
            if (card.by() < 0 || card.by() > w.participants().size()) {
                add(file, cat + ".by", "participant " + card.by() + " is not in participants (0 for no one known)");
            }
            int last = 0;
            for (int v = 0; v < card.votes().size(); v++) {
                Integer voter = card.votes().get(v);
                if (voter == null || voter <= last || voter > w.participants().size()) {
                    add(file, cat + ".votes[" + v + "]", "participant numbers in ascending order, each once, from participants");
                    break;
                }
                last = voter;
            }
        }
    }

    private void checkStep(String file, String at, StepEntry step) {
        fields.check(file, at, FileKinds.kind("step"), FileRows.step(step));
        Set<Integer> spanned = new HashSet<>();
        for (int c = 0; c < step.challenges().size(); c++) {
            Integer number = step.challenges().get(c);
            if (number == null || !challengeNumbers.contains(number)) {
                add(file, at + ".challenges[" + c + "]", "unknown challenge " + number + " (not in challenges.json)");
            } else if (!spanned.add(number)) {
                add(file, at + ".challenges[" + c + "]", "challenge " + number + " is listed twice");
            }
        }
        for (int a = 0; a < step.actions().size(); a++) {
            ActionEntry action = step.actions().get(a);
            String aat = at + ".actions[" + a + "]";
            fields.check(file, aat, FileKinds.kind("action"), FileRows.action(action));
            if (action.actors().isEmpty()) {
                add(file, aat + ".actors", "an action needs at least one actor");
            }
            Set<String> named = new HashSet<>();
            for (int n = 0; n < action.actors().size(); n++) {
                requireActor(file, aat + ".actors[" + n + "]", action.actors().get(n));
                if (!named.add(action.actors().get(n))) {
                    add(file, aat + ".actors[" + n + "]", "actor \"" + action.actors().get(n) + "\" is listed twice");
                }
            }
        }
    }

    private void requireActor(String file, String at, String name) {
        if (!actorNames.contains(name)) {
            add(file, at, "unknown actor \"" + name + "\" (not in actors.json)");
        }
    }

    private void notBlank(String file, String at, String value) {
        if (value == null || value.isBlank()) {
            add(file, at, "must not be empty");
        }
    }

    private void add(String file, String path, String message) {
        problems.add(new DataFileProblem(file, path, message));
    }
}
