package kusari.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.List;
import kusari.core.AppConfig;
import kusari.core.WorkspaceResolver;
import kusari.db.Database;

/**
 * The one place that creates the Javalin app: renderer, static files, security and error handling, then every
 * route of the route table, each with its {@link Access}. main and every test reach it through
 * {@code kusari.Kusari}, so they run the same app.
 */
public final class Server {

    /** The largest request body outside uploads: 1 MB (a JSON change or a form is a few kB). */
    public static final long MAX_REQUEST_BYTES = 1_000_000L;
    /** The largest upload (a workspace archive). */
    public static final long MAX_UPLOAD_BYTES = 16L << 20;

    private static final Key<RouteTable> ROUTES = new Key<>("kusari.routes");
    private static final String READS = "kusari.reads";

    private Server() {
    }

    public static Javalin create(AppConfig config, Database database, Gate gate, WorkspaceResolver workspaces,
                                 List<Feature> features) {
        List<Feature> all = new java.util.ArrayList<>(features);
        all.add(() -> List.of(Assets.route(), Operations.health(database)));
        RouteTable routes = RouteTable.of(all);
        Assets.load(config.staticDir() != null ? config.staticDir()
                : config.devTemplates() ? Path.of("static") : null, !config.devTemplates());
        Transport transport = new Transport(config.https(), config.trustedProxies());
        JteRenderer renderer = config.devTemplates()
                ? JteRenderer.hotReloading(Path.of("src", "main", "jte"))
                : JteRenderer.precompiled();
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            // Workspace archives: a multipart body over these sizes is refused while it is read.
            cfg.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_UPLOAD_BYTES + (1 << 20), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.fileRenderer(renderer);
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT), false));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                if (config.staticDir() != null) {
                    // KUSARI_STATIC_DIR: a folder on disk, e.g. the benchmark's copy of static/ plus pages saved as files
                    sf.directory = config.staticDir().toString();
                    sf.location = Location.EXTERNAL;
                } else if (config.devTemplates()) {
                    sf.directory = "static";
                    sf.location = Location.EXTERNAL;
                } else {
                    sf.directory = "/static";
                    sf.location = Location.CLASSPATH;
                }
            });
            // JSON and form bodies are limited (uploads have their own limit above)
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            // A page asked for again unchanged answers 304 without its body: the tags come from Etags (after
            // handlers), which is many times cheaper than Javalin's own.
            cfg.http.generateEtags = false;
            // Every read of a request sees one snapshot of the database; the scope ends with the request.
            cfg.routes.before(ctx -> ctx.attribute(READS, database.openRequestScope()));
            cfg.routes.before(transport::mark);
            cfg.routes.before(Security::headers);
            cfg.routes.before(gate::authenticate);
            cfg.routes.before(Requests::chooseLanguage);
            cfg.routes.before(Security::refuseMethodOverride);
            cfg.routes.before(Security::checkCsrf);
            cfg.routes.before(Security::checkUtf8);
            // Every matched route is checked against its declared Access, then its workspace is found once.
            cfg.routes.beforeMatched(gate::authorize);
            cfg.routes.beforeMatched(workspaces::resolve);
            cfg.routes.after(gate::forget);
            cfg.routes.after(Server::endReads);
            cfg.routes.after(Etags::tag);
            ErrorPages.register(cfg.routes);
            features.forEach(feature -> feature.exceptions(cfg.routes));
            cfg.events.serverStopping(() -> features.forEach(Feature::stop));
            PageCache kept = new PageCache(database);
            for (Route route : routes.routes()) {
                cfg.routes.addHttpHandler(route.method(), route.path().template(),
                        route.keptPage() ? kept.keep(route.handler()) : route.handler(), route.access());
            }
            cfg.appData(ROUTES, routes);
            operations(cfg);
        });
    }

    /**
     * Operating and refusing below the routes: one request-log line per answer, Kusari's own answer for errors
     * Jetty finds before any route (broken path encoding, control characters in headers), and 405 with Allow
     * for a method a path does not take.
     */
    private static void operations(io.javalin.config.JavalinConfig cfg) {
        cfg.requestLogger.http(Operations::log);
        cfg.http.prefer405over404 = true;
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new LowErrors());
            RequestTargets.install(server);
        });
        cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new LowErrors()));
    }

    static void endReads(Context ctx) {
        Database.RequestScope scope = ctx.attribute(READS);
        if (scope != null) {
            scope.close();
        }
    }

    /** The route table an app was created with: what the authorisation and OpenAPI tests walk. */
    public static RouteTable routes(Javalin app) {
        return app.unsafe.appDataManager.get(ROUTES);
    }

    /** The route table of the app answering this request (the OpenAPI document describes it). */
    public static RouteTable routes(Context ctx) {
        return ctx.appData(ROUTES);
    }
}
