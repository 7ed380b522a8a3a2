package kusari.trace;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kusari.db.Database;
import kusari.core.Workspace;
import kusari.indicator.Direction;
import kusari.indicator.IndicatorKind;
import kusari.trace.TraceRepository.Link;
import kusari.web.Links;

/**
 * Builds a trace: from the start it walks leftwards (towards the residents) and rightwards (towards funding and
 * the strategy's indicators) one hop at a time, each hop one set-based query per layer, then describes every
 * reached thing with one query per layer. Independent of Javalin.
 */
public final class TraceService {

    /**
     * The most things a trace keeps per layer. A policy field reaches thousands of steps and personas in a large
     * workspace; neither the diagram nor the table is readable then, and describing them all costs most of the
     * trace's time. Beyond this a layer keeps the first ones found, the walk goes on only from those, and the trace
     * says how many it left out (see {@link Trace#cut}).
     */
    public static final int SHOWN_PER_LAYER = 100;

    private final Database database;

    public TraceService(Database database) {
        this.database = database;
    }

    /** The trace from {@code kind}/{@code id}, or empty when no such thing exists in the workspace. */
    public Optional<Trace> trace(Workspace ws, TraceKind kind, String id) {
        return trace(ws, kind, id, null);
    }

    /**
     * As above; {@code level} names the depth of a measure whose code is on several levels (null when its code alone
     * names it). A measure's code on several levels without a level is refused (400) with the levels it could mean.
     */
    public Optional<Trace> trace(Workspace ws, TraceKind kind, String id, Integer level) {
        return database.read(c -> {
            Optional<String> start = findStart(c, ws.id(), kind, id, level);
            if (start.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(build(c, ws, kind, id, start.get()));
        });
    }

    private static Optional<String> findStart(Connection c, long ws, TraceKind kind, String id, Integer level)
            throws SQLException {
        switch (kind) {
            case STEP -> {
                int dash = id.lastIndexOf('-');
                if (dash <= 0) {
                    return Optional.empty();
                }
                Optional<Integer> position = parseInt(id.substring(dash + 1));
                if (position.isEmpty()) {
                    return Optional.empty();
                }
                return TraceRepository.stepId(c, ws, id.substring(0, dash), position.get()).map(x -> key(Layer.STEP, x));
            }
            case CHALLENGE -> {
                Optional<Integer> number = parseInt(id);
                return number.isEmpty() ? Optional.empty()
                        : TraceRepository.challengeId(c, ws, number.get()).map(x -> key(Layer.CHALLENGE, x));
            }
            case PROJECT -> {
                return TraceRepository.projectId(c, ws, id).map(x -> key(Layer.PROJECT, x));
            }
            case MEASURE, POLICY_FIELD -> {
                return TraceRepository.nodeId(c, ws, id, kind == TraceKind.POLICY_FIELD, level)
                        .map(x -> key(Layer.NODE, x));
            }
            case INDICATOR -> {
                Optional<Integer> number = parseInt(id);
                if (number.isEmpty()) {
                    return Optional.empty();
                }
                return TraceRepository.indicator(c, ws, number.get()).map(i -> key(
                        i.kind() == IndicatorKind.ACTION ? Layer.ACTION_INDICATOR : Layer.INDICATOR, i.id()));
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String key(Layer layer, long id) {
        return layer.name().toLowerCase() + ":" + id;
    }

    private static Layer layerOf(String key) {
        return Layer.valueOf(key.substring(0, key.indexOf(':')).toUpperCase());
    }

    private static long idOf(String key) {
        return Long.parseLong(key.substring(key.indexOf(':') + 1));
    }

    /** The walk and the description of what it reached. */
    private Trace build(Connection c, Workspace ws, TraceKind kind, String id, String start) throws SQLException {
        Reached reached = new Reached();
        Set<Trace.Edge> edges = new LinkedHashSet<>();
        reached.add(start);
        walk(c, start, true, reached, edges);
        walk(c, start, false, reached, edges);

        Map<Layer, List<Long>> byLayer = new EnumMap<>(Layer.class);
        for (String k : reached.keys) {
            byLayer.computeIfAbsent(layerOf(k), l -> new ArrayList<>()).add(idOf(k));
        }
        Map<String, TraceNode> described = describe(c, ws, byLayer, start);
        List<Trace.Column> columns = columns(ws, described);
        List<Trace.Edge> sortedEdges = edges.stream()
                .filter(e -> described.containsKey(e.from()) && described.containsKey(e.to())).toList();
        TraceNode startNode = described.get(start);
        List<Trace.Cut> cut = new ArrayList<>();
        reached.notShown.forEach((layer, ids) -> cut.add(new Trace.Cut(layer, ids.size())));
        return new Trace(ws.slug(), kind.slug(), id, start, startNode == null ? "" : startNode.title(), columns,
                sortedEdges, reach(described.values()), cut);
    }

    /**
     * What a walk has kept, at most {@link #SHOWN_PER_LAYER} per layer, and, per layer, the ids it found beyond
     * that (counted, neither described nor followed).
     */
    private static final class Reached {
        final Set<String> keys = new LinkedHashSet<>();
        final Map<Layer, Integer> kept = new EnumMap<>(Layer.class);
        final Map<Layer, Set<Long>> notShown = new EnumMap<>(Layer.class);

        /** Keeps {@code key} when its layer has room: true when it is newly kept. */
        boolean add(String key) {
            if (keys.contains(key)) {
                return false;
            }
            Layer layer = layerOf(key);
            int n = kept.getOrDefault(layer, 0);
            if (n >= SHOWN_PER_LAYER) {
                notShown.computeIfAbsent(layer, l -> new HashSet<>()).add(idOf(key));
                return false;
            }
            kept.put(layer, n + 1);
            keys.add(key);
            return true;
        }

        boolean contains(String key) {
            return keys.contains(key);
        }
    }

    /**
     * Follows the chain from {@code start} in one direction until nothing new is found. Each round asks, per layer
     * present in the frontier, for all neighbours of the whole frontier at once.
     */
    private static void walk(Connection c, String start, boolean left, Reached reached, Set<Trace.Edge> edges)
            throws SQLException {
        Set<String> frontier = Set.of(start);
        Set<Long> nodesExpanded = new HashSet<>();
        while (!frontier.isEmpty()) {
            Map<Layer, List<Long>> byLayer = new EnumMap<>(Layer.class);
            for (String k : frontier) {
                byLayer.computeIfAbsent(layerOf(k), l -> new ArrayList<>()).add(idOf(k));
            }
            Set<String> next = new LinkedHashSet<>();
            for (Map.Entry<Layer, List<Long>> e : byLayer.entrySet()) {
                List<Long> ids = e.getValue();
                if (left) {
                    switch (e.getKey()) {
                        case STEP -> add(TraceRepository.personasOfSteps(c, ids), Layer.PERSONA, Layer.STEP, true, reached, edges, next);
                        case CHALLENGE -> add(TraceRepository.stepsOfChallenges(c, ids), Layer.STEP, Layer.CHALLENGE, true, reached, edges, next);
                        case ACTION_INDICATOR -> add(flip(TraceRepository.ownersOfIndicators(c, ids, "challenge_id")), Layer.CHALLENGE, Layer.ACTION_INDICATOR, true, reached, edges, next);
                        case PROJECT -> add(TraceRepository.challengesOfProjects(c, ids), Layer.CHALLENGE, Layer.PROJECT, true, reached, edges, next);
                        case NODE -> {
                            List<Long> fresh = ids.stream().filter(nodesExpanded::add).toList();
                            List<Link> below = TraceRepository.nodesBelow(c, fresh);
                            add(below, Layer.NODE, Layer.NODE, true, reached, edges, next);
                            Set<Long> subtree = new LinkedHashSet<>(fresh);
                            // only the kept part of the subtree is followed to its projects
                            below.stream().filter(l -> reached.contains(key(Layer.NODE, l.left())))
                                    .forEach(l -> subtree.add(l.left()));
                            nodesExpanded.addAll(subtree);
                            add(TraceRepository.projectsOfNodes(c, subtree), Layer.PROJECT, Layer.NODE, true, reached, edges, next);
                        }
                        case INDICATOR -> {
                            add(flip(TraceRepository.ownersOfIndicators(c, ids, "node_id")), Layer.NODE, Layer.INDICATOR, true, reached, edges, next);
                            add(flip(TraceRepository.ownersOfIndicators(c, ids, "project_id")), Layer.PROJECT, Layer.INDICATOR, true, reached, edges, next);
                        }
                        default -> {
                        }
                    }
                } else {
                    switch (e.getKey()) {
                        case STEP -> add(TraceRepository.challengesOfSteps(c, ids), Layer.STEP, Layer.CHALLENGE, false, reached, edges, next);
                        case CHALLENGE -> {
                            add(TraceRepository.actionIndicatorsOfChallenges(c, ids), Layer.CHALLENGE, Layer.ACTION_INDICATOR, false, reached, edges, next);
                            add(TraceRepository.projectsOfChallenges(c, ids), Layer.CHALLENGE, Layer.PROJECT, false, reached, edges, next);
                        }
                        case PROJECT -> add(TraceRepository.nodesOfProjects(c, ids), Layer.PROJECT, Layer.NODE, false, reached, edges, next);
                        case NODE -> {
                            List<Long> fresh = ids.stream().filter(nodesExpanded::add).toList();
                            List<Link> above = TraceRepository.nodesAbove(c, fresh);
                            add(above, Layer.NODE, Layer.NODE, false, reached, edges, next);
                            Set<Long> chain = new LinkedHashSet<>(fresh);
                            above.stream().filter(l -> reached.contains(key(Layer.NODE, l.right())))
                                    .forEach(l -> chain.add(l.right()));
                            nodesExpanded.addAll(chain);
                            add(TraceRepository.indicatorsOfNodes(c, chain), Layer.NODE, Layer.INDICATOR, false, reached, edges, next);
                        }
                        default -> {
                        }
                    }
                }
            }
            frontier = next;
        }
    }

    private static List<Link> flip(List<Link> links) {
        return links.stream().map(l -> new Link(l.right(), l.left())).toList();
    }

    /**
     * Records the links as edges and queues the newly reached side (left side when walking left); a side its layer
     * has no room for is only counted, and its edge left out.
     */
    private static void add(List<Link> links, Layer leftLayer, Layer rightLayer, boolean walkingLeft,
                            Reached reached, Set<Trace.Edge> edges, Set<String> next) {
        for (Link l : links) {
            String from = key(leftLayer, l.left());
            String to = key(rightLayer, l.right());
            String found = walkingLeft ? from : to;
            if (reached.add(found)) {
                next.add(found);
            } else if (!reached.contains(found)) {
                continue;
            }
            edges.add(new Trace.Edge(from, to));
        }
    }

    private Map<String, TraceNode> describe(Connection c, Workspace ws, Map<Layer, List<Long>> byLayer, String start)
            throws SQLException {
        String w = ws.slug();
        Map<String, TraceNode> out = new LinkedHashMap<>();
        List<Long> personas = byLayer.getOrDefault(Layer.PERSONA, List.of());
        for (var p : TraceRepository.personas(c, personas)) {
            String k = key(Layer.PERSONA, p.id());
            out.put(k, new TraceNode(k, Layer.PERSONA, null, p.label(), p.label(), Links.persona(w, p.slug()),
                    null, k.equals(start), null, null, null, null));
        }
        List<Long> steps = byLayer.getOrDefault(Layer.STEP, List.of());
        if (!steps.isEmpty()) {
            Map<Long, List<String>> actors = TraceRepository.actorsOfSteps(c, steps);
            for (var s : TraceRepository.steps(c, steps)) {
                String k = key(Layer.STEP, s.id());
                out.put(k, new TraceNode(k, Layer.STEP, null, s.personaLabel() + " " + s.position(), s.title(),
                        Links.step(w, s.journeySlug(), s.position()), Links.traceStep(w, s.journeySlug(), s.position()),
                        k.equals(start), new TraceNode.StepInfo(s.personaLabel(), s.journeySlug(), s.position(),
                        s.emotionScore(), s.painPoint(), actors.getOrDefault(s.id(), List.of())), null, null, null));
            }
        }
        List<Long> challenges = byLayer.getOrDefault(Layer.CHALLENGE, List.of());
        if (!challenges.isEmpty()) {
            Map<Long, List<String>> approaches = TraceRepository.approaches(c, challenges);
            for (var ch : TraceRepository.challenges(c, challenges)) {
                String k = key(Layer.CHALLENGE, ch.id());
                out.put(k, new TraceNode(k, Layer.CHALLENGE, null, String.valueOf(ch.number()), ch.title(),
                        Links.challenge(w, ch.number()), Links.traceChallenge(w, ch.number()), k.equals(start), null,
                        approaches.getOrDefault(ch.id(), List.of()), null, null));
            }
        }
        List<Long> projects = byLayer.getOrDefault(Layer.PROJECT, List.of());
        if (!projects.isEmpty()) {
            Map<Long, List<String>> leads = TraceRepository.leadActors(c, projects);
            Map<Long, List<TraceNode.BudgetYear>> budgets = TraceRepository.budgets(c, projects);
            for (var p : TraceRepository.projects(c, projects)) {
                String k = key(Layer.PROJECT, p.id());
                List<TraceNode.BudgetYear> years = budgets.getOrDefault(p.id(), List.of());
                long total = years.stream().mapToLong(TraceNode.BudgetYear::thousandYen).sum();
                out.put(k, new TraceNode(k, Layer.PROJECT, null, p.code(), p.name(), Links.project(w, p.code()),
                        Links.traceProject(w, p.code()), k.equals(start), null, null,
                        new TraceNode.ProjectInfo(leads.getOrDefault(p.id(), List.of()), years, total), null));
            }
        }
        List<Long> nodes = byLayer.getOrDefault(Layer.NODE, List.of());
        for (var n : TraceRepository.nodes(c, nodes)) {
            String k = key(Layer.NODE, n.id());
            out.put(k, new TraceNode(k, Layer.NODE, n.depth(), n.code(), n.title(),
                    Links.frameworkNode(ws, n.depth(), n.code()), Links.traceNode(ws, n.depth(), n.code()),
                    k.equals(start), null, null, null, null));
        }
        List<Long> indicatorIds = new ArrayList<>(byLayer.getOrDefault(Layer.INDICATOR, List.of()));
        indicatorIds.addAll(byLayer.getOrDefault(Layer.ACTION_INDICATOR, List.of()));
        for (var i : TraceRepository.indicators(c, indicatorIds)) {
            Layer layer = i.kind() == IndicatorKind.ACTION ? Layer.ACTION_INDICATOR : Layer.INDICATOR;
            String k = key(layer, i.id());
            out.put(k, new TraceNode(k, layer, null, null, i.name(), Links.traceIndicator(w, i.id()),
                    Links.traceIndicator(w, i.id()), k.equals(start), null, null, null, indicatorInfo(i)));
        }
        return out;
    }

    private static TraceNode.IndicatorInfo indicatorInfo(TraceRepository.IndicatorRow i) {
        String baseline = !i.baselineText().isBlank() ? i.baselineText() : number(i.baselineValue(), i.unit());
        String target = !i.targetText().isBlank() ? i.targetText() : number(i.targetValue(), i.unit());
        return new TraceNode.IndicatorInfo(i.kind(), i.unit(), baseline.isBlank() ? null : baseline,
                target.isBlank() ? null : target, i.targetFiscalYear(), i.latestFiscalYear(), i.latestValue(),
                i.targetValue(), achievement(i.direction(), i.latestValue(), i.targetValue()));
    }

    /**
     * Latest actual against the target, in percent (for a DECREASE indicator, target over actual), as the indicator
     * table computes it (kusari.indicator.Achievement; empty where a ratio says nothing, e.g. negative values).
     */
    static Integer achievement(Direction direction, Double latest, Double target) {
        kusari.indicator.Achievement a = kusari.indicator.Achievement.of(direction, null, target, latest);
        return a == null || a.againstTarget() == null ? null : (int) Math.round(a.againstTarget());
    }

    private static String number(Double v, String unit) {
        if (v == null) {
            return "";
        }
        return (v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v)) + unit;
    }

    /** Columns in chain order; framework nodes in one column per depth, deepest first. */
    private static List<Trace.Column> columns(Workspace ws, Map<String, TraceNode> described) {
        Map<String, List<TraceNode>> grouped = new TreeMap<>();
        for (TraceNode n : described.values()) {
            grouped.computeIfAbsent(columnKey(n), x -> new ArrayList<>()).add(n);
        }
        List<Trace.Column> columns = new ArrayList<>();
        grouped.forEach((k, nodes) -> {
            TraceNode first = nodes.get(0);
            String label = first.layer() == Layer.NODE ? ws.levelLabel(first.depth())
                    : first.layer() == Layer.PROJECT ? ws.projectLabel() : null;
            columns.add(new Trace.Column(first.layer(), first.depth(), label, nodes));
        });
        return columns;
    }

    /** Sorts layers in enum order and nodes deepest-first inside the framework. */
    private static String columnKey(TraceNode n) {
        int depthRank = n.depth() == null ? 0 : 99 - n.depth();
        return "%02d-%02d".formatted(n.layer().ordinal(), depthRank);
    }

    private static Trace.Reach reach(java.util.Collection<TraceNode> nodes) {
        Set<String> journeys = new HashSet<>();
        List<String> troubled = new ArrayList<>();
        int personas = 0;
        int steps = 0;
        int projects = 0;
        int withoutBudget = 0;
        Map<Integer, Long> byYear = new TreeMap<>();
        long total = 0;
        for (TraceNode n : nodes) {
            switch (n.layer()) {
                case PERSONA -> personas++;
                case STEP -> {
                    steps++;
                    journeys.add(n.step().journeySlug());
                    if (n.troubled()) {
                        troubled.add(n.key());
                    }
                }
                case PROJECT -> {
                    projects++;
                    if (n.project().budgets().isEmpty()) {
                        withoutBudget++;
                    }
                    for (TraceNode.BudgetYear y : n.project().budgets()) {
                        byYear.merge(y.fiscalYear(), y.thousandYen(), Long::sum);
                    }
                    total += n.project().totalThousandYen();
                }
                default -> {
                }
            }
        }
        List<TraceNode.BudgetYear> years = byYear.entrySet().stream()
                .map(e -> new TraceNode.BudgetYear(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(TraceNode.BudgetYear::fiscalYear)).toList();
        return new Trace.Reach(personas, journeys.size(), steps, troubled, projects, years, total, withoutBudget);
    }

    /** Neighbour lists for every node of a trace, built once (the table lists each node's links). */
    public static Map<String, List<String>> adjacency(Trace trace) {
        Map<String, List<String>> adj = new HashMap<>();
        for (Trace.Edge e : trace.edges()) {
            adj.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            adj.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        }
        return adj;
    }
}
