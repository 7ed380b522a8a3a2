package kusari.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import kusari.AppConfig;
import kusari.actor.ActorApi;
import kusari.actor.ActorController;
import kusari.actor.ActorRepository;
import kusari.actor.ActorService;
import kusari.challenge.ChallengeApi;
import kusari.challenge.ChallengeController;
import kusari.challenge.ChallengeRepository;
import kusari.db.Database;
import kusari.edit.EditApi;
import kusari.edit.EditController;
import kusari.history.HistoryController;
import kusari.edit.EditKinds;
import kusari.edit.OpenApi;
import kusari.history.EditService;
import kusari.files.FilesController;
import kusari.files.ImportService;
import kusari.files.ImportUploads;
import kusari.files.ReadingRepository;
import kusari.files.WorkspaceExporter;
import kusari.home.HomeController;
import kusari.indicator.IndicatorApi;
import kusari.indicator.IndicatorController;
import kusari.indicator.IndicatorTable;
import kusari.indicator.ReviewService;
import kusari.indicator.IndicatorRepository;
import kusari.journey.JourneyController;
import kusari.journey.JourneyEditController;
import kusari.journey.JourneyRepository;
import kusari.persona.PersonaApi;
import kusari.persona.PersonaController;
import kusari.persona.PersonaRepository;
import kusari.strategy.Framework;
import kusari.strategy.StrategyApi;
import kusari.strategy.StrategyController;
import kusari.strategy.WorkspaceRepository;
import kusari.strategy.WorkspaceResolver;
import kusari.trace.BudgetRollups;
import kusari.trace.ChainCheck;
import kusari.trace.TraceApi;
import kusari.trace.TraceController;
import kusari.trace.TraceService;

/** The one place that creates the Javalin app; main and every test call it, so they run the same app. */
public final class Server {

    /** The largest request body outside uploads: 1 MB (a JSON change or a form is a few kB). */
    public static final long MAX_REQUEST_BYTES = 1_000_000L;

    private Server() {
    }

    public static Javalin create(AppConfig config, Database database) {
        return create(config, database, java.time.Clock.systemUTC());
    }

    /** The app with a given clock for sessions and sign-in throttling (tests move it forward). */
    public static Javalin create(AppConfig config, Database database, java.time.Clock clock) {
        // accounts (issue 7)
        kusari.account.AccountService accounts = new kusari.account.AccountService(database, clock, config.sessionIdle());
        kusari.account.Authorizer authorizer = new kusari.account.Authorizer(accounts, database);
        Transport transport = new Transport(config.https(), config.trustedProxies());
        WorkspaceRepository workspaces = new WorkspaceRepository(database);
        WorkspaceResolver resolver = new WorkspaceResolver(workspaces);
        PersonaRepository personas = new PersonaRepository(database);
        JourneyRepository journeys = new JourneyRepository(database);
        ChallengeRepository challenges = new ChallengeRepository(database);
        ActorRepository actors = new ActorRepository(database);
        IndicatorRepository indicators = new IndicatorRepository(database);
        ReadingRepository readings = new ReadingRepository(database);
        Framework framework = new Framework(database, workspaces, indicators);
        EditService edits = new EditService(database, EditKinds.all(), ImportService.trees());
        // trace (issue 5): fiscal years turn in Japan, whatever the server's zone
        TraceService traces = new TraceService(database);
        ChainCheck chainCheck = new ChainCheck(database, java.time.Clock.system(java.time.ZoneId.of("Asia/Tokyo")));
        BudgetRollups budgetRollups = new BudgetRollups(database);
        // indicators and the yearly review (issue 6)
        IndicatorTable indicatorTable = new IndicatorTable(database, indicators);
        ReviewService reviews = new ReviewService(database, edits);
        ActorService actorService = new ActorService(database, actors, indicators);

        JteRenderer renderer = config.devTemplates()
                ? JteRenderer.hotReloading(Path.of("src", "main", "jte"))
                : JteRenderer.precompiled();

        // files in/out (issue 3)
        FilesController files = new FilesController(resolver, new WorkspaceExporter(database),
                new ImportService(database), ImportUploads.besideDatabase(config.dbFile()));

        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            // Uploads (workspace zips, issue 3): a multipart body over these sizes is refused while it is read.
            cfg.jetty.multipartConfig.maxFileSize(FilesController.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(FilesController.MAX_UPLOAD_BYTES + (1 << 20), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.fileRenderer(renderer);
            cfg.jsonMapper(new JavalinJackson(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT), false));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                if (config.devTemplates()) {
                    sf.directory = "static";
                    sf.location = Location.EXTERNAL;
                } else {
                    sf.directory = "/static";
                    sf.location = Location.CLASSPATH;
                }
            });
            // accounts (issue 7): JSON and form bodies are limited (uploads have their own limit above)
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.routes.before(transport::mark);
            cfg.routes.before(Security::headers);
            cfg.routes.before(authorizer::authenticate);
            cfg.routes.before(Requests::chooseLanguage);
            cfg.routes.before(Security::checkCsrf);
            cfg.routes.before(Security::checkUtf8);
            // accounts (issue 7): every matched route is checked against kusari.account.AccessRules
            cfg.routes.beforeMatched(authorizer::authorize);
            cfg.routes.after(authorizer::forget);
            ErrorPages.register(cfg.routes);
            new kusari.account.AccountController(accounts, transport).register(cfg.routes);
            new kusari.account.AdminController(accounts, workspaces, database, authorizer).register(cfg.routes);

            new HomeController(workspaces, personas, indicators, chainCheck).register(cfg.routes);
            new PersonaController(resolver, personas, journeys, readings).register(cfg.routes);
            new JourneyController(resolver, journeys, personas, readings, actors).register(cfg.routes);
            new ChallengeController(resolver, challenges, indicators, readings).register(cfg.routes);
            new StrategyController(workspaces, framework, challenges, indicators, actors, readings).register(cfg.routes);
            new ActorController(resolver, actorService).register(cfg.routes);

            new StrategyApi(workspaces, framework, challenges, indicators, actors).register(cfg.routes);
            new PersonaApi(resolver, personas, journeys).register(cfg.routes);
            new ChallengeApi(resolver, challenges, indicators).register(cfg.routes);
            new ActorApi(resolver, actorService).register(cfg.routes);
            new IndicatorApi(resolver, indicators, indicatorTable, reviews).register(cfg.routes);
            new EditApi(resolver, edits).register(cfg.routes);
            new OpenApi(edits.kinds()).register(cfg.routes);
            new EditController(resolver, edits, database).register(cfg.routes);
            new HistoryController(resolver, edits, database).register(cfg.routes);
            new JourneyEditController(resolver, edits, database).register(cfg.routes);
            files.register(cfg.routes);
            // trace (issue 5)
            new TraceController(resolver, traces, chainCheck, budgetRollups).register(cfg.routes);
            new TraceApi(resolver, traces, chainCheck, budgetRollups).register(cfg.routes);
            // indicators and the yearly review (issue 6)
            new IndicatorController(resolver, indicators, indicatorTable, reviews,
                    java.time.Clock.system(java.time.ZoneId.of("Asia/Tokyo"))).register(cfg.routes);
        });
    }
}
