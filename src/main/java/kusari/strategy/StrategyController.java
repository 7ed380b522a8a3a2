package kusari.strategy;

import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;

import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import kusari.web.Links;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import kusari.actor.ActorQueries;
import kusari.challenge.ChallengeQueries;
import kusari.core.ReadingRepository;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorQueries;
import kusari.web.NotFound;
import kusari.web.Requests;

/** The framework page and project pages. */
public final class StrategyController {

    private final WorkspaceResolver resolver;
    private final StrategyRepository workspaces;
    private final Framework framework;
    private final ChallengeQueries challenges;
    private final IndicatorQueries indicators;
    private final ActorQueries actors;
    private final ReadingRepository readings;

    public StrategyController(WorkspaceResolver resolver, StrategyRepository workspaces, Framework framework, ChallengeQueries challenges,
                              IndicatorQueries indicators, ActorQueries actors, ReadingRepository readings) {
        this.resolver = resolver;
        this.workspaces = workspaces;
        this.framework = framework;
        this.challenges = challenges;
        this.indicators = indicators;
        this.actors = actors;
        this.readings = readings;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.FRAMEWORK, this::framework, Access.READ),
                Route.get(Links.PROJECT, this::project, Access.READ),
                Route.get(Links.ROLES, this::roles, Access.READ),
                Route.get(Links.ABOUT, this::about, Access.READ));
    }

    /** The 役割分担表: which municipality does what in each joint project. */
    void roles(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Pages.render(ctx, "strategy/roles.jte", RolesPage.load(workspaces.database(), Requests.ui(ctx), ws));
    }

    /** The slogan, 理念, 基本的視点, national 基本目標, 進行管理, interviews and surveys of the strategy. */
    void about(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Pages.render(ctx, "strategy/about.jte", new AboutPage(Requests.ui(ctx), ws,
                StrategyAbout.load(workspaces.database(), ws.id()), readings.find("WORKSPACE", ws.id())));
    }

    void framework(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Pages.render(ctx, "strategy/framework.jte",
                FrameworkPage.of(Requests.ui(ctx), ws, framework.tree(ws.id()), blankToNull(ctx.queryParam("field")),
                        blankToNull(ctx.queryParam("node")), kusari.core.NodeCodes.parseLevel(ctx.queryParam("level"))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    void project(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String code = ctx.pathParam("code");
        Project project = workspaces.findProject(ws.id(), code)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.project", code));
        List<ProjectPage.ChallengeSteps> served = new ArrayList<>();
        for (ChallengeQueries.LinkedChallenge link : challenges.findByProject(project.id())) {
            served.add(new ProjectPage.ChallengeSteps(link, challenges.findSteps(link.challenge().id())));
        }
        List<Indicator> kpis = indicators.findByProject(project.id());
        Pages.render(ctx, "strategy/project.jte", new ProjectPage(Requests.ui(ctx), ws, project,
                workspaces.pathTo(project.nodeId()), actors.findLeadsOfProject(project.id()),
                workspaces.findBudgets(project.id()), kpis, served, readings.find("PROJECT", project.id()),
                ProjectPlan.load(workspaces.database(), ws, project.id())));
    }
}
