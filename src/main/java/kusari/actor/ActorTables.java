package kusari.actor;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kusari.actor.ActorOverview.ActionView;
import kusari.actor.ActorOverview.JourneyGroup;
import kusari.actor.ActorOverview.Measure;
import kusari.actor.ActorOverview.StepView;

import kusari.web.Exports;
import kusari.web.Exports.Table;
import kusari.core.Ui;

/**
 * The rows of the exports, one definition for CSV, .xlsx and the JSON API so that all three carry the same data.
 * Column keys are fixed (they are the JSON field names); headings come from the messages ({@code actor.col.*}).
 */
public final class ActorTables {

    /** Columns of an actor's steps: one row per action of the actor at a step; the keys are {@link StepRow}'s. */
    public static final List<String> STEP_COLUMNS = Arrays.stream(StepRow.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    /** One row of an actor's steps: a JSON object of the API, and in this order the cells of the CSV and .xlsx. */
    public record StepRow(String persona, String journey, int stepNo, String step, String emotion, int emotionScore,
                          String painPoint, String action, String sharedWith, String challenges, String projects,
                          String ledProjects, String indicators, String actorsBefore, String actorsAfter) {

        List<Object> cells() {
            return List.of(persona, journey, stepNo, step, emotion, emotionScore, painPoint, action, sharedWith,
                    challenges, projects, ledProjects, indicators, actorsBefore, actorsAfter);
        }
    }

    private ActorTables() {
    }

    public static Table steps(Ui ui, ActorOverview o) {
        // Rows are made step by step while the file is written.
        Iterable<List<Object>> rows = () -> o.journeys().stream()
                .flatMap(g -> g.steps().stream().flatMap(s -> stepRows(ui, g, s).stream()))
                .map(StepRow::cells).iterator();
        return new Table(o.actor().name(), headings(ui, STEP_COLUMNS), rows);
    }

    public static List<StepRow> stepRows(Ui ui, ActorOverview o) {
        List<StepRow> rows = new ArrayList<>();
        for (JourneyGroup g : o.journeys()) {
            for (StepView s : g.steps()) {
                rows.addAll(stepRows(ui, g, s));
            }
        }
        return rows;
    }

    private static List<StepRow> stepRows(Ui ui, JourneyGroup g, StepView s) {
        List<StepRow> rows = new ArrayList<>();
        for (ActionView a : s.actions()) {
            rows.add(new StepRow(g.personaLabel(), g.journeyTitle(), s.step().position(), s.step().title(),
                    s.step().emotionText(), s.step().emotionScore(), s.step().painPoint(), a.text(),
                    names(a.sharedWith()),
                    join(s.challenges().stream().map(c -> ui.t("challenge.label", c.number()) + " " + c.title()).toList()),
                    join(s.projects().stream().map(p -> p.project().code() + " " + p.project().name()).toList()),
                    join(s.projects().stream().filter(p -> p.ledByActor()).map(p -> p.project().code()).toList()),
                    join(s.indicators().stream().map(m -> indicator(ui, m)).toList()),
                    s.before().exists() ? handoff(ui, s.before()) : "",
                    s.after().exists() ? handoff(ui, s.after()) : ""));
        }
        return rows;
    }

    /** Columns of the matrix: actor, kind, one per persona, total; every actor and persona of the filter, unpaged. */
    public static Table matrix(Ui ui, ResponsibilityMatrix.Whole m) {
        // The actor's name first: what a person reads a row by (the kind beside it sorts and filters).
        List<String> header = new ArrayList<>(List.of(ui.t("actor.col.actor"), ui.t("actor.col.kind")));
        m.columns().forEach(c -> header.add(c.personaLabel()));
        header.add(ui.t("actor.col.total"));
        // Each actor's row is made when it is written: the whole matrix of a large workspace never is in memory.
        Iterable<List<Object>> rows = () -> m.lines().stream().map(r -> {
            List<Object> row = new ArrayList<>(m.columns().size() + 3);
            row.add(r.actor().name());
            row.add(ui.t(r.actor().kind().messageKey() + ".short"));
            m.columns().forEach(c -> row.add(r.count(c.personaSlug())));
            row.add(r.total());
            return row;
        }).iterator();
        return new Table(ui.t("matrix.title"), header, rows);
    }

    private static List<String> headings(Ui ui, List<String> keys) {
        return keys.stream().map(k -> ui.t("actor.col." + k)).toList();
    }

    private static String handoff(Ui ui, ActorOverview.Handoff h) {
        String who = h.actors().isEmpty() ? ui.t("handoff.nobody") : names(h.actors());
        return ui.t("step.label", h.step().position()) + " " + h.step().title() + ": " + who;
    }

    static String indicator(Ui ui, Measure m) {
        IndicatorProgress p = m.progress();
        String latest = p.latest() == null ? ui.t("progress.noActual")
                : p.latestShown() + " (" + ui.fiscalYear(p.latest().fiscalYear()) + ")";
        String target = p.indicator().targetShown().isBlank() ? ""
                : " / " + ui.t("indicator.target") + " " + p.indicator().targetShown();
        return p.indicator().name() + " — " + ui.t("progress.latest") + " " + latest + target + " ["
                + ui.t("progress." + p.status()) + "]";
    }

    private static String names(List<Actor> actors) {
        return String.join("・", actors.stream().map(Actor::name).toList());
    }

    private static String join(List<String> parts) {
        return String.join("; ", parts);
    }
}
