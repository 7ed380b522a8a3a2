package kusari.home;

import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kusari.indicator.Indicator;
import kusari.indicator.IndicatorKind;
import kusari.indicator.IndicatorQueries;
import kusari.persona.Persona;
import kusari.persona.PersonaQueries;
import kusari.strategy.FrameworkNode;
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
        Pages.render(ctx, "home/workspaces.jte", new WorkspaceListPage(Requests.ui(ctx), all));
    }

    void home(Context ctx) {
        Workspace ws = resolver.require(ctx);
        List<Persona> allPersonas = personas.findAll(ws.id());
        Map<Long, List<Indicator>> byNode = indicators.byNode(ws.id());
        List<FrameworkNode> nodes = strategy.findNodes(ws.id());
        // counted by the database: a large plan's 25,000 projects are not loaded to be counted
        Map<Long, Long> projectsPerField = projectsPerField(nodes, strategy.projectCountsByNode(ws.id()));
        Map<String, List<Persona>> personasPerField = allPersonas.stream()
                .collect(Collectors.groupingBy(Persona::policyFieldCode));
        List<HomePage.FieldSummary> fields = nodes.stream()
                .filter(n -> n.depth() == 1)
                .map(field -> new HomePage.FieldSummary(field,
                        byNode.getOrDefault(field.id(), List.of()).stream().filter(i -> i.kind() == IndicatorKind.GOAL).toList(),
                        personasPerField.getOrDefault(field.code(), List.of()),
                        projectsPerField.getOrDefault(field.id(), 0L)))
                .toList();
        Pages.render(ctx, "home/index.jte",
                new HomePage(Requests.ui(ctx), ws, fields, allPersonas, workspaces.counts(ws.id()),
                        chainCheck.glance(ws)));
    }

    /**
     * Projects per policy field (by the field's id), from the projects under each framework item: each item's field
     * is found once, from its parent's, so a large framework is walked once rather than once per item and field.
     */
    static Map<Long, Long> projectsPerField(List<FrameworkNode> nodes, Map<Long, Long> projectsPerNode) {
        Map<Long, FrameworkNode> byId = new HashMap<>();
        for (FrameworkNode n : nodes) {
            byId.put(n.id(), n);
        }
        Map<Long, Long> fieldOf = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        projectsPerNode.forEach((node, n) -> {
            Long field = fieldOf(node, byId, fieldOf);
            if (field != null) {
                counts.merge(field, n, Long::sum);
            }
        });
        return counts;
    }

    /** The top-level ancestor of a framework item (itself at the top), remembered for the items on the way. */
    private static Long fieldOf(long nodeId, Map<Long, FrameworkNode> byId, Map<Long, Long> fieldOf) {
        List<Long> path = new ArrayList<>();
        Long id = nodeId;
        Long field = null;
        // bounded by the number of items, so even a malformed tree cannot loop
        while (id != null && path.size() <= byId.size()) {
            Long known = fieldOf.get(id);
            if (known != null) {
                field = known;
                break;
            }
            FrameworkNode n = byId.get(id);
            if (n == null) {
                break;
            }
            path.add(id);
            if (n.depth() <= 1 || n.parentId() == null) {
                field = n.id();
                break;
            }
            id = n.parentId();
        }
        for (Long p : path) {
            fieldOf.put(p, field);
        }
        return field;
    }
}
