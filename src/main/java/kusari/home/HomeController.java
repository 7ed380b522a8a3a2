package kusari.home;

import kusari.web.Access;
import kusari.web.Route;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorKind;
import kusari.indicator.IndicatorQueries;
import kusari.persona.Persona;
import kusari.persona.PersonaQueries;
import kusari.strategy.FrameworkNode;
import kusari.strategy.Project;
import kusari.core.Workspace;
import kusari.core.WorkspaceRepository;
import kusari.core.WorkspaceResolver;
import kusari.trace.ChainSummary;
import kusari.web.Links;
import kusari.web.Requests;

/** "/" and a workspace's home page: the strategy at a glance and the way into everything else. */
public final class HomeController {

    private final WorkspaceRepository workspaces;
    private final kusari.strategy.StrategyQueries strategy;
    private final WorkspaceResolver resolver;
    private final PersonaQueries personas;
    private final IndicatorQueries indicators;
    private final ChainSummary chainCheck;

    public HomeController(WorkspaceRepository workspaces, kusari.strategy.StrategyQueries strategy,
                          PersonaQueries personas, IndicatorQueries indicators,
                          ChainSummary chainCheck) {
        this.workspaces = workspaces;
        this.strategy = strategy;
        this.resolver = new WorkspaceResolver(workspaces);
        this.personas = personas;
        this.indicators = indicators;
        this.chainCheck = chainCheck;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.WORKSPACES, this::root, Access.ANYONE),
                Route.get(Links.HOME, this::home, Access.READ));
    }

    /** With one workspace (the usual case) go straight to it; otherwise list them. */
    void root(Context ctx) {
        // only the workspaces this person may read
        List<Workspace> all = workspaces.findAll().stream()
                .filter(w -> Requests.ui(ctx).mayRead(w.id())).toList();
        if (all.size() == 1) {
            ctx.redirect(Links.home(all.get(0).slug()), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ctx.render("home/workspaces.jte", Map.of("page", new WorkspaceListPage(Requests.ui(ctx), all)));
    }

    void home(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<Persona> allPersonas = personas.findAll(ws.id());
        Map<Long, List<Indicator>> byNode = indicators.byNode(ws.id());
        List<FrameworkNode> nodes = strategy.findNodes(ws.id());
        List<Project> projects = strategy.findProjects(ws.id());
        List<HomePage.FieldSummary> fields = nodes.stream()
                .filter(n -> n.depth() == 1)
                .map(field -> new HomePage.FieldSummary(field,
                        byNode.getOrDefault(field.id(), List.of()).stream().filter(i -> i.kind() == IndicatorKind.GOAL).toList(),
                        allPersonas.stream().filter(p -> p.policyFieldCode().equals(field.code())).toList(),
                        projects.stream().filter(p -> underField(p, field, nodes)).count()))
                .toList();
        ctx.render("home/index.jte", Map.of("page",
                new HomePage(Requests.ui(ctx), ws, fields, allPersonas, workspaces.counts(ws.id()),
                        chainCheck.report(ws, null))));
    }

    private static boolean underField(Project project, FrameworkNode field, List<FrameworkNode> nodes) {
        Long id = project.nodeId();
        while (id != null) {
            if (id == field.id()) {
                return true;
            }
            Long current = id;
            id = nodes.stream().filter(n -> n.id() == current).findFirst().map(FrameworkNode::parentId).orElse(null);
        }
        return false;
    }
}
