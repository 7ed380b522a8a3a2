package kusari.trace;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kusari.core.Workspace;
import kusari.core.Ui;

/** A trace as a page: the diagram, and the same trace as a table. */
public record TracePage(Ui ui, Workspace workspace, Trace trace, TraceDiagram diagram,
                        Map<String, List<String>> neighbours, Map<String, TraceNode> byKey) {

    public static TracePage of(Ui ui, Workspace ws, Trace trace) {
        Function<TraceNode, String> code = n -> code(ui, ws, n);
        return new TracePage(ui, ws, trace, TraceDiagram.of(trace, code), TraceService.adjacency(trace),
                trace.nodes().stream().collect(Collectors.toMap(TraceNode::key, n -> n)));
    }

    /** The short name shown above a node's title, in the user's language. */
    static String code(Ui ui, Workspace ws, TraceNode n) {
        return switch (n.layer()) {
            case PERSONA -> n.title();
            case STEP -> ui.t("trace.stepCode", n.step().personaLabel(), n.step().position());
            case CHALLENGE -> ui.t("challenge.label", n.code());
            case ACTION_INDICATOR -> ui.t("trace.layer.ACTION_INDICATOR");
            case PROJECT -> n.code();
            case NODE -> ws.levelLabel(n.depth()) + " " + n.code();
            case INDICATOR -> ui.t(n.indicator().kind().messageKey());
        };
    }

    public String code(TraceNode n) {
        return code(ui, workspace, n);
    }

    /** A linked item in the table, named short: its code, or for an indicator (which has none) its name, cut. */
    public String chip(TraceNode n) {
        if (n.indicator() == null) {
            return code(n);
        }
        return n.title().length() > 24 ? n.title().substring(0, 23) + "…" : n.title();
    }

    /** The title after the short name, or nothing when the short name already is the title (a persona). */
    public String titleAfterCode(TraceNode n) {
        return code(n).equals(n.title()) ? "" : n.title();
    }

    public String heading(Trace.Column column) {
        return column.levelLabel() != null && !column.levelLabel().isBlank() ? column.levelLabel()
                : ui.t("trace.layer." + column.layer().name());
    }

    public TraceNode start() {
        return byKey.get(trace.startKey());
    }

    /** The nodes joined to {@code key} on its left and right, for the table's "linked to" column. */
    public List<TraceNode> linked(String key) {
        return neighbours.getOrDefault(key, List.of()).stream().map(byKey::get).filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Troubled steps named above the diagram; a long list is cut (the table has them all). */
    static final int TROUBLED_NAMED = 20;

    public List<TraceNode> troubledNamed() {
        return trace.reach().troubledSteps().stream().limit(TROUBLED_NAMED).map(byKey::get).toList();
    }

    public int troubledNotNamed() {
        return Math.max(0, trace.reach().troubledSteps().size() - TROUBLED_NAMED);
    }

    public int shownPerLayer() {
        return TraceService.SHOWN_PER_LAYER;
    }

    /** The layers a large trace cut, with how many things each left out, e.g. "ステップ 5239件、ペルソナ 3219件". */
    public String cutSummary() {
        return trace.cut().stream()
                .map(c -> ui.t("trace.cutCount", ui.t("trace.layer." + c.layer().name()), c.notShown()))
                .collect(Collectors.joining(ui.t("trace.cutSeparator")));
    }

    public String yen(long thousandYen) {
        return ui.t("trace.thousandYen", thousandYen);
    }
}
