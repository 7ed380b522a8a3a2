package kusari.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import kusari.core.Ui;
import kusari.db.Database;
import kusari.db.Migrations;
import kusari.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators need from a running Kusari: {@code /healthz} for a monitor (the database answers and every
 * migration is applied: 200, else 503), and one request-log line per answered request (docs/operations.md):
 * <pre>time method path status ms account</pre>
 * tab-separated, the time in UTC (ISO 8601), the path without its query (a query may carry a token), the account
 * name or {@code -} for anonymous. Never a body, a cookie or a header.
 */
public final class Operations {

    public static final RoutePath HEALTH = RoutePath.of("/healthz");
    /** The logger of the request log: route it to its own file with simplelogger/your log setup. */
    static final Logger REQUESTS = LoggerFactory.getLogger("kusari.requests");

    private Operations() {
    }

    static Route health(Database database) {
        return Route.get(HEALTH, ctx -> health(ctx, database), Access.ANYONE)
                .doc("For monitors: 200 when the database answers and its migrations are current, else 503");
    }

    private static void health(Context ctx, Database database) {
        Map<String, Object> answer = new LinkedHashMap<>();
        boolean ok;
        try {
            long one = database.read(c -> Sql.queryLong(c, "SELECT 1"));
            var known = Migrations.known(database);
            long pending = known.stream().filter(m -> !m.done()).count();
            answer.put("database", one == 1 ? "reachable" : "wrong answer");
            answer.put("schema", known.stream().filter(Migrations.Migration::done)
                    .mapToInt(Migrations.Migration::version).max().orElse(0));
            answer.put("pendingMigrations", pending);
            ok = one == 1 && pending == 0;
        } catch (RuntimeException e) {
            answer.put("database", "unreachable");
            ok = false;
        }
        answer.put("status", ok ? "ok" : "failing");
        answer.put("version", version());
        ctx.header("Cache-Control", "no-store");
        ctx.status(ok ? 200 : 503).json(answer);
    }

    /** The release, from the jar's manifest (a development build says so). */
    public static String version() {
        String v = Operations.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        // the Maven descriptor every jar built by Maven carries
        try (var in = Operations.class.getResourceAsStream("/META-INF/maven/kusari/kusari/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "development");
            }
        } catch (java.io.IOException e) {
            // no descriptor: a development build
        }
        return "development";
    }

    /** One line of the request log; {@code ms} is the time until the answer was ready. */
    static void log(Context ctx, Float ms) {
        String account = "-";
        Ui.Viewer viewer = ctx.attribute(Requests.VIEWER_ATTRIBUTE);
        if (viewer != null && viewer.name() != null && !viewer.name().isBlank()) {
            account = clean(viewer.name());
        }
        REQUESTS.info("{}\t{}\t{}\t{}\t{}\t{}", java.time.Instant.now(), ctx.req().getMethod(), clean(ctx.path()),
                ctx.statusCode(), Math.round(ms == null ? 0 : ms), account);
    }

    /** A log line never carries a control character from the request (no forged lines). */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]", "_");
    }
}
