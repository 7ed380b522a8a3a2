package kusari.strategy;

import kusari.core.Workspace;

import java.util.List;
import kusari.actor.Actor;
import kusari.challenge.ChallengeQueries.LinkedChallenge;
import kusari.challenge.ChallengeQueries.SpannedStep;
import kusari.indicator.Indicator;
import kusari.core.Ui;

/** One project: its place in the framework, description, lead actors, budgets, indicators and whom it serves. */
public record ProjectPage(Ui ui, Workspace workspace, Project project, List<FrameworkNode> path, List<Actor> leads,
                          List<Budget> budgets, List<Indicator> indicators, List<ChallengeSteps> challenges,
                          List<String> readings, ProjectPlan plan) {

    /** A challenge the project answers, with the steps (and personas) that challenge spans. */
    public record ChallengeSteps(LinkedChallenge link, List<SpannedStep> steps) {
    }

    public long totalBudget() {
        return budgets.stream().mapToLong(Budget::thousandYen).sum();
    }
}
