package kusari.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every page's address in one place, so that templates never assemble URLs by hand and a route's path is
 * changed once. The routes themselves are registered by each feature's controller.
 */
public final class Links {

    private Links() {
    }

    public static String home(String ws) {
        return "/w/" + enc(ws);
    }

    public static String personas(String ws) {
        return home(ws) + "/personas";
    }

    public static String persona(String ws, String slug) {
        return personas(ws) + "/" + enc(slug);
    }

    public static String journey(String ws, String slug) {
        return home(ws) + "/journeys/" + enc(slug);
    }

    /** A step's column on its journey map. */
    public static String step(String ws, String journeySlug, int position) {
        return journey(ws, journeySlug) + "#" + enc(journeySlug) + "-step-" + position;
    }

    public static String challenges(String ws) {
        return home(ws) + "/challenges";
    }

    public static String challenge(String ws, int number) {
        return challenges(ws) + "/" + number;
    }

    public static String framework(String ws) {
        return home(ws) + "/framework";
    }

    public static String frameworkNode(String ws, String code) {
        return framework(ws) + "#node-" + enc(code);
    }

    public static String project(String ws, String code) {
        return home(ws) + "/projects/" + enc(code);
    }

    public static String actors(String ws) {
        return home(ws) + "/actors";
    }

    public static String actor(String ws, long id) {
        return actors(ws) + "/" + id;
    }

    // --- trace and chain check (issue 5) ---

    /** A trace through the chain from one thing; {@code kind} is a {@code kusari.trace.TraceKind} slug. */
    public static String trace(String ws, String kind, String id) {
        return home(ws) + "/trace/" + enc(kind) + "/" + enc(id);
    }

    public static String traceStep(String ws, String journeySlug, int position) {
        return trace(ws, "step", journeySlug + "-" + position);
    }

    public static String traceChallenge(String ws, int number) {
        return trace(ws, "challenge", String.valueOf(number));
    }

    public static String traceProject(String ws, String code) {
        return trace(ws, "project", code);
    }

    /** A framework node's trace: the top level is a policy field, every level below it a measure. */
    public static String traceNode(String ws, int depth, String code) {
        return trace(ws, depth == 1 ? "policy-field" : "measure", code);
    }

    public static String traceIndicator(String ws, long id) {
        return trace(ws, "indicator", String.valueOf(id));
    }

    public static String chainCheck(String ws) {
        return home(ws) + "/chain-check";
    }

    public static String chainCheckJourney(String ws, String journeySlug) {
        return chainCheck(ws) + "?journey=" + enc(journeySlug);
    }

    public static String chainDismissals(String ws) {
        return chainCheck(ws) + "/dismissals";
    }

    public static String chainUndo(String ws, long dismissalId) {
        return chainDismissals(ws) + "/" + dismissalId + "/undo";
    }

    public static String chainSettings(String ws) {
        return chainCheck(ws) + "/settings";
    }

    public static String budgets(String ws) {
        return home(ws) + "/budgets";
    }

    /** The same trace as JSON. */
    public static String apiTrace(String ws, String kind, String id) {
        return "/api/v1/workspaces/" + enc(ws) + "/trace/" + enc(kind) + "/" + enc(id);
    }

    // --- end trace (issue 5) ---

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
