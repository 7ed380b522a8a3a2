package kusari.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The geometry of a trace drawn left to right: one column per layer, one box per node, a curve per edge. Computed
 * here so that the template only prints numbers. Very tall columns are cut after {@link #MAX_ROWS} boxes with a box
 * pointing to the table, which always lists everything.
 *
 * <p>The diagram is drawn at its own size, never scaled down to the screen, so that its labels keep the type sizes
 * of the stylesheet (titles {@value #TITLE_PX} px, codes and headings 13 px) on a 1366 px projector; the boxes narrow
 * so that the usual nine columns fit {@value #FIT_WIDTH} px, and a title too long for its box ends with "…" and is
 * shown in full on hover and focus.
 */
public record TraceDiagram(int width, int height, List<Head> heads, List<Box> boxes, List<Curve> curves, int boxWidth) {

    static final int MAX_ROWS = 30;
    /** What the page frame shows of a diagram on a 1366 px screen. */
    static final int FIT_WIDTH = 1288;
    static final int MIN_BOX_W = 112;
    static final int MAX_BOX_W = 170;
    static final int BOX_H = 78;
    static final int ROW = 88;
    static final int GAP = 20;
    static final int TOP = 34;
    static final int MARGIN = 6;
    /** The font size of a box's title, in px (the stylesheet says the same). */
    static final int TITLE_PX = 14;
    static final int TITLE_LINES = 3;
    static final int PADDING = 7;

    /** A column heading. */
    public record Head(double x, int column) {
    }

    /**
     * One box; {@code key} is null for the "and N more" box.
     *
     * @param lines     the title cut into at most {@value #TITLE_LINES} lines
     * @param truncated whether the lines end with "…" (the full title is then shown on hover and focus)
     */
    public record Box(String key, double x, double y, String code, List<String> lines, String title, String href,
                      String css, int more, boolean truncated) {
        public double textX() {
            return x + PADDING;
        }

        public double lineY(int i) {
            return y + 19 + i * 18;
        }
    }

    public record Curve(String from, String to, String d) {
    }

    public static TraceDiagram of(Trace trace, Function<TraceNode, String> code) {
        int rows = trace.columns().stream().mapToInt(c -> Math.min(c.nodes().size(), MAX_ROWS)).max().orElse(0);
        int height = TOP + rows * ROW + MARGIN;
        int columns = Math.max(1, trace.columns().size());
        int boxW = Math.max(MIN_BOX_W, Math.min(MAX_BOX_W, (FIT_WIDTH - MARGIN * 2 - (columns - 1) * GAP) / columns));
        double units = (boxW - PADDING * 2) / (double) TITLE_PX;
        int width = MARGIN * 2 + trace.columns().size() * boxW + Math.max(0, trace.columns().size() - 1) * GAP;
        List<Head> heads = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        Map<String, Box> placed = new HashMap<>();
        for (int col = 0; col < trace.columns().size(); col++) {
            Trace.Column column = trace.columns().get(col);
            double x = MARGIN + col * (boxW + GAP);
            heads.add(new Head(x, col));
            List<TraceNode> nodes = column.nodes();
            int shown = nodes.size() > MAX_ROWS ? MAX_ROWS - 1 : nodes.size();
            int used = nodes.size() > MAX_ROWS ? MAX_ROWS : nodes.size();
            double offset = (rows - used) * ROW / 2.0;
            for (int i = 0; i < shown; i++) {
                TraceNode n = nodes.get(i);
                double y = TOP + offset + i * ROW;
                String css = "node layer-" + n.layer().name().toLowerCase(Locale.ROOT).replace('_', '-')
                        + (n.troubled() ? " troubled" : "") + (n.start() ? " start" : "");
                String c = code.apply(n);
                List<String> lines = c.equals(n.title()) ? List.of() : wrap(n.title(), TITLE_LINES, units);
                boolean truncated = !lines.isEmpty() && lines.get(lines.size() - 1).endsWith("…")
                        && !n.title().strip().endsWith("…");
                Box box = new Box(n.key(), x, y, c, lines, c.equals(n.title()) ? c : c + " " + n.title(),
                        n.traceHref() != null ? n.traceHref() : n.href(), css, 0, truncated);
                boxes.add(box);
                placed.put(n.key(), box);
            }
            if (shown < nodes.size()) {
                boxes.add(new Box(null, x, TOP + offset + shown * ROW, "", List.of(), "", "#trace-table", "node more",
                        nodes.size() - shown, false));
            }
        }
        List<Curve> curves = new ArrayList<>();
        for (Trace.Edge e : trace.edges()) {
            Box a = placed.get(e.from());
            Box b = placed.get(e.to());
            if (a == null || b == null) {
                continue;
            }
            double x1 = a.x() + boxW;
            double y1 = a.y() + BOX_H / 2.0;
            double x2 = b.x();
            double y2 = b.y() + BOX_H / 2.0;
            double mid = (x1 + x2) / 2;
            curves.add(new Curve(e.from(), e.to(), "M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f"
                    .formatted(x1, y1, mid, y1, mid, y2, x2, y2)));
        }
        return new TraceDiagram(width, height, heads, boxes, curves, boxW);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public int boxHeight() {
        return BOX_H;
    }

    /** Cuts text into lines of about {@code units} full-width characters (Latin letters count about half). */
    static List<String> wrap(String text, int maxLines, double units) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        String t = text.strip().replaceAll("\\s+", " ");
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            double w = cp < 0x2E80 ? 0.55 : 1.0;
            if (used + w > units) {
                lines.add(line.toString().strip());
                if (lines.size() == maxLines) {
                    String last = lines.remove(maxLines - 1);
                    lines.add(last.substring(0, Math.max(0, last.length() - 1)) + "…");
                    return lines;
                }
                line.setLength(0);
                used = 0;
            }
            if (!(cp == ' ' && line.isEmpty())) {
                line.appendCodePoint(cp);
                used += w;
            }
            i += Character.charCount(cp);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }
}
