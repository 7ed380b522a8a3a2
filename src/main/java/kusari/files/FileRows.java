package kusari.files;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kusari.files.WorkspaceFiles.ActionEntry;
import kusari.files.WorkspaceFiles.ActorEntry;
import kusari.files.WorkspaceFiles.ActualEntry;
import kusari.files.WorkspaceFiles.BudgetEntry;
import kusari.files.WorkspaceFiles.ChallengeEntry;
import kusari.files.WorkspaceFiles.IndicatorEntry;
import kusari.files.WorkspaceFiles.JourneyFile;
import kusari.files.WorkspaceFiles.NodeEntry;
import kusari.files.WorkspaceFiles.PersonaFile;
import kusari.files.WorkspaceFiles.ProjectEntry;
import kusari.files.WorkspaceFiles.ProjectLink;
import kusari.files.WorkspaceFiles.RoadmapEntry;
import kusari.files.WorkspaceFiles.RoleEntry;
import kusari.files.WorkspaceFiles.SourceEntry;
import kusari.files.WorkspaceFiles.StepEntry;
import kusari.files.WorkspaceFiles.WorkspaceFile;

/**
 * One mapping per table: an entry of the files as the values of its table's edit declaration, by field name. The
 * validator checks these values against the declared limits and the importer writes them, so the two cannot
 * disagree. References (a persona's policy field, a project's lead actors, a journey's persona) are the files'
 * own business: they are given here as the files name them, or left out, and the importer puts in the ids.
 */
final class FileRows {

    /** Where a field sits in its entry when the file names or nests it differently from the field. */
    static final Map<String, String> WORKSPACE_PATHS = Map.of("planFrom", "planPeriod.from", "planTo", "planPeriod.to");
    static final Map<String, String> PROJECT_PATHS = Map.of("leads", "leadActors", "budget", "budgets");
    static final Map<String, String> INDICATOR_PATHS = Map.of("baselineValue", "baseline.value",
            "baselineText", "baseline.text", "baselineYear", "baseline.year", "baselineSource", "baseline.source",
            "targetValue", "target.value", "targetText", "target.text", "targetFiscalYear", "target.fiscalYear");

    private FileRows() {
    }

    /**
     * The workspace row with its municipalities, level names, their English labels and code patterns (owned lists);
     * a file without a list of municipalities has its one municipality.
     */
    static Map<String, Object> workspace(WorkspaceFile w) {
        return values("slug", w.slug(), "name", w.name(), "fullName", w.fullName(), "municipality", w.municipality(),
                "municipalities", w.members(), "published", w.published(), "planFrom", w.planPeriod().from(), "planTo", w.planPeriod().to(),
                "description", w.description(), "source", w.source(), "levels", w.levels(),
                "levelsEn", w.levelsEn(), "codePatterns", w.codePatterns());
    }

    static Map<String, Object> actor(ActorEntry a) {
        return values("name", a.name(), "kind", a.kind());
    }

    /** A framework node without its parent. */
    static Map<String, Object> node(NodeEntry n) {
        return values("code", n.code(), "title", n.title(), "description", n.description());
    }

    /** A project without its node; its lead actors by name; its budget as fiscal year to thousand yen. */
    static Map<String, Object> project(ProjectEntry p) {
        Map<Integer, Long> budget = new LinkedHashMap<>();
        for (BudgetEntry b : p.budgets()) {
            budget.put(b.fiscalYear(), b.thousandYen());
        }
        return values("code", p.code(), "name", p.name(), "description", p.description(),
                "experienceChain", p.experienceChain(), "leads", p.leadActors(), "budget", budget);
    }

    /** A partner municipality's role, without its project. */
    static Map<String, Object> role(RoleEntry r) {
        return values("municipality", r.municipality(), "role", r.role(), "sharePercent", r.sharePercent());
    }

    static Map<String, Object> budgetSource(SourceEntry s) {
        return values("fiscalYear", s.fiscalYear(), "source", s.source(), "thousandYen", s.thousandYen());
    }

    static Map<String, Object> roadmap(RoadmapEntry r) {
        return values("track", r.track(), "fiscalYear", r.fiscalYear(), "text", r.text());
    }

    /**
     * A goal indicator or KPI without its owner and its kind: the files allow fewer kinds on a node or project than
     * the declaration does, so the kind is checked and written by files.
     */
    static Map<String, Object> indicator(IndicatorEntry i) {
        return values("name", i.name(), "unit", i.unit(), "direction", i.direction(),
                "baselineValue", i.baseline().value(), "baselineText", i.baseline().text(),
                "baselineYear", i.baseline().year(), "baselineSource", i.baseline().source(),
                "targetValue", i.target().value(), "targetText", i.target().text(),
                "targetFiscalYear", i.target().fiscalYear());
    }

    /** An action indicator of a challenge: the files give its name only, the rest is the declared default. */
    static Map<String, Object> actionIndicator(String name) {
        return values("kind", "ACTION", "name", name);
    }

    /** A value of an indicator for one fiscal year, without its indicator. */
    static Map<String, Object> actual(ActualEntry a) {
        return values("fiscalYear", a.fiscalYear(), "state", a.state(), "value", a.value(), "dataDate", a.dataDate(),
                "source", a.source(), "note", a.note());
    }

    static Map<String, Object> challenge(ChallengeEntry c) {
        return values("number", c.number(), "title", c.title(), "evidence", c.evidence(),
                "approaches", c.approaches());
    }

    /** What a challenge–project link keeps of its own. */
    static Map<String, Object> challengeProject(ProjectLink link) {
        return values("basis", link.basis(), "note", link.note());
    }

    /** A persona without its policy field; the story kept as one text, a blank line between paragraphs. */
    static Map<String, Object> persona(PersonaFile p) {
        return values("slug", p.slug(), "label", p.label(), "tagline", p.tagline(), "profile", p.profile(),
                "story", String.join("\n\n", p.story()), "attributes", p.attributes());
    }

    /** A journey without its persona. */
    static Map<String, Object> journey(JourneyFile j) {
        return values("slug", j.slug(), "title", j.title());
    }

    /** A step without its journey. */
    static Map<String, Object> step(StepEntry s) {
        return values("title", s.title(), "emotionText", s.emotionText(), "emotionScore", s.emotionScore(),
                "painPoint", s.painPoint());
    }

    /** An action without its step; its actors by name. */
    static Map<String, Object> action(ActionEntry a) {
        return values("text", a.text(), "actors", a.actors());
    }

    /** Field values by name from name, value pairs; a null value is kept (the column is set to null). */
    static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** {@code values} with {@code name} set to {@code value} (a reference the importer resolved). */
    static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
        values.put(name, value);
        return values;
    }

    /** The ids of names, in their order. */
    static List<Long> ids(List<String> names, Map<String, Long> idsByName) {
        return names.stream().map(idsByName::get).toList();
    }
}
