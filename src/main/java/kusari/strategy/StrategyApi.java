package kusari.strategy;

import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.core.WorkspaceResolver;

import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.Route;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import kusari.actor.Actor;
import kusari.actor.ActorQueries;
import kusari.challenge.ChallengeQueries;
import kusari.indicator.IndicatorJson;
import kusari.indicator.IndicatorQueries;
import kusari.web.NotFound;
import kusari.web.Requests;

/** Read-only JSON for workspaces, the framework and projects. */
public final class StrategyApi {

    private final WorkspaceRepository workspaces;
    private final StrategyRepository strategy;
    private final WorkspaceResolver resolver;
    private final Framework framework;
    private final ChallengeQueries challenges;
    private final IndicatorQueries indicators;
    private final ActorQueries actors;

    public StrategyApi(WorkspaceRepository workspaces, StrategyRepository strategy, Framework framework, ChallengeQueries challenges,
                       IndicatorQueries indicators, ActorQueries actors) {
        this.workspaces = workspaces;
        this.strategy = strategy;
        this.resolver = new WorkspaceResolver(workspaces);
        this.framework = framework;
        this.challenges = challenges;
        this.indicators = indicators;
        this.actors = actors;
    }

    public List<Route> routes() {
        return List.of(
                // the list leaves out the workspaces one may not read
                Route.get("/api/v1/workspaces", this::workspaces, Access.ANYONE).doc(ApiDoc.of("Every workspace").returnsList(WorkspaceJson.class)),
                Route.get("/api/v1/workspaces/{ws}", this::workspace, Access.READ).doc(ApiDoc.of("One workspace").returns(WorkspaceJson.class)),
                Route.get("/api/v1/workspaces/{ws}/framework", this::framework, Access.READ)
                        .doc(ApiDoc.of("The framework tree with projects and goal indicators; a tree of more than "
                                + FrameworkPage.MAX_ITEMS + " items one top-level item at a time (?field=code, the first"
                                + " unless given; X-Total-Count the top-level items, Link rel=\"next\" the next)")
                                .returnsList(NodeJson.class)),
                Route.get("/api/v1/workspaces/{ws}/projects", this::projects, Access.READ)
                        .doc(kusari.web.ApiPaging.documented(ApiDoc.of("Every project, a part at a time")
                                .returnsList(ProjectListJson.class))),
                Route.get("/api/v1/workspaces/{ws}/projects/{code}", this::project, Access.READ)
                        .doc(ApiDoc.of("One project by its code").returns(ProjectJson.class)));
    }

    record PlanPeriodJson(int from, int to) {
    }

    /** A workspace; {@code municipalities} are the strategy's municipalities in order (roles name one of them). */
    record WorkspaceJson(String slug, String name, String fullName, String municipality, List<String> municipalities,
                         String published, PlanPeriodJson planPeriod, List<String> levels, String description,
                         String source) {
        static WorkspaceJson of(Workspace w, List<String> municipalities) {
            return new WorkspaceJson(w.slug(), w.name(), w.fullName(), w.municipality(), municipalities, w.published(),
                    new PlanPeriodJson(w.planFrom(), w.planTo()), w.levels(), w.description(), w.source());
        }
    }

    void workspaces(Context ctx) {
        // only the workspaces this caller may read
        ctx.json(workspaces.findAll().stream().filter(w -> Requests.ui(ctx).mayRead(w.id()))
                .map(w -> WorkspaceJson.of(w, strategy.municipalities(w.id()))).toList());
    }

    void workspace(Context ctx) {
        Workspace w = resolver.require(ctx);
        ctx.json(WorkspaceJson.of(w, strategy.municipalities(w.id())));
    }

    record NodeJson(String code, int depth, String level, String title, String description,
                    List<IndicatorJson> indicators, List<ProjectSummaryJson> projects,
                    List<NodeJson> children) {
    }

    record ProjectSummaryJson(String code, String name, boolean experienceChain, List<Integer> challenges,
                              List<String> leadActors) {
    }

    void framework(Context ctx) {
        Workspace ws = resolver.require(ctx);
        // As the page: a framework of more than FrameworkPage.MAX_ITEMS items is answered one top-level item at a
        // time (?field=code, the first unless given), the headers saying how many there are and which comes next.
        List<FrameworkPage.TreeNode> roots = framework.tree(ws.id());
        String field = ctx.queryParam("field");
        FrameworkPage part = FrameworkPage.of(Requests.ui(ctx), ws, roots,
                field == null || field.isBlank() ? null : field.strip(), null);
        if (part.shown() != null) {
            ctx.header("X-Total-Count", String.valueOf(roots.size()));
            for (int i = 0; i + 1 < roots.size(); i++) {
                if (roots.get(i).node().code().equals(part.shown())) {
                    ctx.header("Link", "<" + kusari.web.Links.withQuery(ctx.path(), "field",
                            roots.get(i + 1).node().code()) + ">; rel=\"next\"");
                }
            }
        }
        ctx.json(part.shownRoots().stream().map(n -> toJson(ws, n)).toList());
    }

    private NodeJson toJson(Workspace ws, FrameworkPage.TreeNode n) {
        FrameworkNode node = n.node();
        return new NodeJson(node.code(), node.depth(), ws.levelLabel(node.depth()), node.title(), node.description(),
                n.indicators().stream().map(IndicatorJson::of).toList(),
                n.projects().stream().map(r -> new ProjectSummaryJson(r.project().code(), r.project().name(),
                        r.project().experienceChain(), r.challenges(), r.leads())).toList(),
                n.children().stream().map(c -> toJson(ws, c)).toList());
    }

    /** {@code parentDepth}: the level of the node {@code parentCode} names (a code may be on several levels). */
    record ProjectListJson(String code, String name, String parentCode, int parentDepth, boolean experienceChain) {
    }

    void projects(Context ctx) {
        Workspace ws = resolver.require(ctx);
        java.util.Map<Long, FrameworkNode> nodes = new java.util.HashMap<>();
        strategy.findNodes(ws.id()).forEach(n -> nodes.put(n.id(), n));
        ctx.json(kusari.web.ApiPaging.part(ctx, strategy.findProjects(ws.id())).stream().map(p -> new ProjectListJson(
                p.code(), p.name(), nodes.get(p.nodeId()).code(), nodes.get(p.nodeId()).depth(), p.experienceChain()))
                .toList());
    }

    record PathJson(String code, String level, String title) {
    }

    record ActorRefJson(long id, String name, String kind) {
        static ActorRefJson of(Actor a) {
            return new ActorRefJson(a.id(), a.name(), a.kind().code());
        }
    }

    record StepRefJson(String persona, String personaLabel, String journey, int position, String title,
                       int emotionScore, String painPoint) {
    }

    record ServedChallengeJson(int number, String title, String basis, String note, List<StepRefJson> steps) {
    }

    record ProjectJson(String code, long version, String name, String description, boolean experienceChain, List<PathJson> path,
                       List<ActorRefJson> leadActors, List<Budget> budgets, List<IndicatorJson> indicators,
                       List<ServedChallengeJson> challenges) {
    }

    void project(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String code = ctx.pathParam("code");
        Project p = strategy.findProject(ws.id(), code)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.project", code));
        List<ServedChallengeJson> served = new ArrayList<>();
        for (ChallengeQueries.LinkedChallenge link : challenges.findByProject(p.id())) {
            served.add(new ServedChallengeJson(link.challenge().number(), link.challenge().title(), link.basis().code(),
                    link.note(), challenges.findSteps(link.challenge().id()).stream()
                    .map(s -> new StepRefJson(s.personaSlug(), s.personaLabel(), s.journeySlug(), s.position(),
                            s.title(), s.emotionScore(), s.painPoint())).toList()));
        }
        long version = strategy.version(p.id());
        kusari.web.Versioned.json(ctx, version, new ProjectJson(p.code(), version, p.name(), p.description(), p.experienceChain(),
                strategy.pathTo(p.nodeId()).stream()
                        .map(n -> new PathJson(n.code(), ws.levelLabel(n.depth()), n.title())).toList(),
                actors.findLeadsOfProject(p.id()).stream().map(ActorRefJson::of).toList(),
                strategy.findBudgets(p.id()),
                indicators.findByProject(p.id()).stream().map(IndicatorJson::of).toList(),
                served));
    }
}
