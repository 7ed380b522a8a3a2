package kusari.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceDiagramTest {

    private static TraceNode node(Layer layer, long id, String title) {
        return new TraceNode(layer.name().toLowerCase() + ":" + id, layer, null, String.valueOf(id), title, "/x",
                "/t/" + id, false, null, null, null, null);
    }

    @Test
    void longTitlesWrapIntoTwoLinesAndEndWithAnEllipsis() {
        assertEquals(List.of("子育てアプリが知られて", "いない"), TraceDiagram.wrap("子育てアプリが知られていない", 2, 11));
        List<String> cut = TraceDiagram.wrap("出産子育て情報アプリ利用促進事業を市民と共に進める", 2, 11);
        assertEquals(List.of("出産子育て情報アプリ利", "用促進事業を市民と共…"), cut);
        assertEquals(List.of("Bさん"), TraceDiagram.wrap("Bさん", 2, 11));
        // Latin letters take about half the width of a full-width character.
        assertEquals(List.of("Latin letters count", "about half"), TraceDiagram.wrap("Latin letters count about half", 2, 11));
    }

    @Test
    void columnsRunLeftToRightAndATallColumnIsCutWithABoxPointingToTheTable() {
        List<TraceNode> steps = new ArrayList<>();
        List<Trace.Edge> edges = new ArrayList<>();
        TraceNode challenge = node(Layer.CHALLENGE, 1, "課題");
        for (int i = 0; i < 45; i++) {
            TraceNode s = node(Layer.STEP, i, "ステップ" + i);
            steps.add(s);
            edges.add(new Trace.Edge(s.key(), challenge.key()));
        }
        Trace trace = new Trace("w", "challenge", "1", challenge.key(), "課題",
                List.of(new Trace.Column(Layer.STEP, null, null, steps), new Trace.Column(Layer.CHALLENGE, null, null, List.of(challenge))),
                edges, new Trace.Reach(0, 0, 45, List.of(), 0, List.of(), 0, 0));
        TraceDiagram d = TraceDiagram.of(trace, TraceNode::code);
        List<TraceDiagram.Box> stepBoxes = d.boxes().stream().filter(b -> b.x() == d.heads().get(0).x()).toList();
        assertEquals(TraceDiagram.MAX_ROWS, stepBoxes.size(), "29 steps and one box for the rest");
        TraceDiagram.Box more = stepBoxes.get(stepBoxes.size() - 1);
        assertEquals(45 - (TraceDiagram.MAX_ROWS - 1), more.more());
        assertEquals("#trace-table", more.href());
        assertEquals(TraceDiagram.MAX_ROWS - 1, d.curves().size(), "edges only between drawn boxes");
        assertTrue(d.heads().get(0).x() < d.heads().get(1).x());
        TraceDiagram.Box c = d.boxes().stream().filter(b -> challenge.key().equals(b.key())).findFirst().orElseThrow();
        assertEquals("/t/1", c.href(), "a box links to the trace from it");
        assertTrue(d.height() >= TraceDiagram.TOP + TraceDiagram.MAX_ROWS * TraceDiagram.ROW);
    }

    @Test
    void nineColumnsFitA1366ScreenAtTheirOwnSizeAndACutTitleIsMarkedForItsFullLabel() {
        List<Trace.Column> columns = new ArrayList<>();
        List<Layer> layers = List.of(Layer.PERSONA, Layer.STEP, Layer.CHALLENGE, Layer.ACTION_INDICATOR, Layer.PROJECT,
                Layer.NODE, Layer.NODE, Layer.NODE, Layer.INDICATOR);
        for (int i = 0; i < layers.size(); i++) {
            String title = i == 3 ? "子育て広場利用者アンケート（紙もしくはデジタル）を実施し子ども福祉課へ集約する" : "短い名前";
            columns.add(new Trace.Column(layers.get(i), null, null, List.of(node(layers.get(i), i, title))));
        }
        Trace trace = new Trace("w", "challenge", "1", columns.get(2).nodes().get(0).key(), "課題", columns, List.of(),
                new Trace.Reach(0, 0, 0, List.of(), 0, List.of(), 0, 0));
        TraceDiagram d = TraceDiagram.of(trace, TraceNode::code);
        assertTrue(d.width() <= TraceDiagram.FIT_WIDTH, "nine columns in " + d.width() + " px");
        assertTrue(d.boxWidth() >= TraceDiagram.MIN_BOX_W);
        TraceDiagram.Box cut = d.boxes().get(3);
        assertTrue(cut.truncated(), "a title longer than three lines is cut: " + cut.lines());
        assertEquals(TraceDiagram.TITLE_LINES, cut.lines().size());
        assertTrue(cut.lines().get(2).endsWith("…"));
        assertTrue(cut.title().endsWith("集約する"), "the full title is kept for the hover and focus label");
        TraceDiagram.Box whole = d.boxes().get(0);
        assertEquals(List.of("短い名前"), whole.lines());
        assertTrue(!whole.truncated());
        for (TraceDiagram.Box b : d.boxes()) {
            assertTrue(b.lineY(b.lines().size()) + 4 <= b.y() + TraceDiagram.BOX_H, "every line inside its box");
        }
    }
}
