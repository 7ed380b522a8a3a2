package kusari;

import kusari.core.AppConfig;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import kusari.account.AccountController;
import kusari.account.AccountService;
import kusari.account.AdminController;
import kusari.account.Authorizer;
import kusari.actor.ActorApi;
import kusari.actor.ActorController;
import kusari.actor.ActorRepository;
import kusari.actor.ActorService;
import kusari.challenge.ChallengeApi;
import kusari.challenge.ChallengeController;
import kusari.challenge.ChallengeRepository;
import kusari.change.EditService;
import kusari.core.ReadingRepository;
import kusari.core.WorkspaceRepository;
import kusari.core.WorkspaceResolver;
import kusari.db.Database;
import kusari.edit.EditApi;
import kusari.edit.EditController;
import kusari.edit.OpenApi;
import kusari.files.FilesController;
import kusari.files.ImportService;
import kusari.files.ImportUploads;
import kusari.files.WorkspaceExporter;
import kusari.history.HistoryController;
import kusari.home.HomeController;
import kusari.indicator.IndicatorApi;
import kusari.indicator.IndicatorController;
import kusari.indicator.IndicatorRepository;
import kusari.indicator.IndicatorTable;
import kusari.indicator.ReviewService;
import kusari.journey.JourneyController;
import kusari.journey.JourneyEditController;
import kusari.journey.JourneyRepository;
import kusari.persona.PersonaApi;
import kusari.persona.PersonaController;
import kusari.persona.PersonaRepository;
import kusari.search.SearchController;
import kusari.search.SearchKinds;
import kusari.search.SearchService;
import kusari.strategy.Framework;
import kusari.strategy.StrategyApi;
import kusari.strategy.StrategyController;
import kusari.strategy.StrategyRepository;
import kusari.trace.BudgetRollups;
import kusari.trace.ChainCheck;
import kusari.trace.TraceApi;
import kusari.trace.TraceController;
import kusari.trace.TraceService;
import kusari.web.Feature;
import kusari.web.Server;
import kusari.web.Transport;
import kusari.web.EventHub;
import kusari.core.Voices;
import kusari.workshop.ParticipantNames;
import kusari.workshop.WorkshopApi;
import kusari.workshop.WorkshopRecordController;
import kusari.workshop.WorkshopRecords;
import kusari.workshop.WorkshopVoices;
import kusari.workshop.WorkshopRepository;
import kusari.workshop.WorkshopService;

/**
 * The composition root: builds every feature on one database and hands them to the web layer. The only class
 * that knows all the parts; main and every test start the application through {@link #create}.
 */
public final class Kusari {

    /** Fiscal years turn in Japan, whatever the server's zone. */
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private Kusari() {
    }

    public static Javalin create(AppConfig config, Database database) {
        return create(config, database, Clock.systemUTC());
    }

    /** The app with a given clock for sessions and sign-in throttling (tests move it forward). */
    public static Javalin create(AppConfig config, Database database, Clock clock) {
        AccountService accounts = new AccountService(database, clock, config.sessionIdle());
        Authorizer authorizer = new Authorizer(accounts, database);
        WorkspaceRepository workspaces = new WorkspaceRepository(database);
        WorkspaceResolver resolver = new WorkspaceResolver(workspaces);
        StrategyRepository strategy = new StrategyRepository(database);
        PersonaRepository personas = new PersonaRepository(database);
        JourneyRepository journeys = new JourneyRepository(database);
        ChallengeRepository challenges = new ChallengeRepository(database);
        ActorRepository actors = new ActorRepository(database);
        IndicatorRepository indicators = new IndicatorRepository(database);
        ReadingRepository readings = new ReadingRepository(database);
        Framework framework = new Framework(database, strategy, indicators);
        EditService edits = new EditService(database, EditKinds.all(), ImportService.trees());
        // what the search finds; every change keeps it current from here on, and what is not yet indexed is now
        kusari.change.SearchIndex.declare(SearchKinds.ALL);
        kusari.change.SearchIndex.ensureBuilt(database);
        TraceService traces = new TraceService(database);
        ChainCheck chainCheck = new ChainCheck(database, Clock.system(JAPAN));
        BudgetRollups budgetRollups = new BudgetRollups(database);
        IndicatorTable indicatorTable = new IndicatorTable(database, indicators);
        ReviewService reviews = new ReviewService(database, edits);
        ActorService actorService = new ActorService(database, actors, indicators);
        FilesController files = new FilesController(resolver, new WorkspaceExporter(database),
                new ImportService(database), ImportUploads.besideDatabase(config.dbFile()));

        // the live workshop's push: one hub for the app, woken after each commit
        EventHub workshopEvents = new EventHub();
        WorkshopService workshops = new WorkshopService(new WorkshopRepository(database), journeys, workshopEvents, clock);
        // the cards behind steps and challenges, read by their pages without knowing the workshop
        Voices voices = new WorkshopVoices(database);
        List<Feature> features = List.of(
                new AccountController(accounts, new Transport(config.https(), config.trustedProxies()))::routes,
                new AdminController(accounts, workspaces, database, authorizer)::routes,
                new HomeController(workspaces, strategy, personas, indicators, chainCheck)::routes,
                new PersonaController(resolver, personas, journeys, readings)::routes,
                new JourneyController(resolver, journeys, readings, actors, voices, database),
                new ChallengeController(resolver, challenges, indicators, readings, voices)::routes,
                new StrategyController(resolver, strategy, framework, challenges, indicators, actors, readings)::routes,
                new ActorController(resolver, actorService)::routes,
                new StrategyApi(workspaces, strategy, framework, challenges, indicators, actors)::routes,
                new PersonaApi(resolver, personas, journeys)::routes,
                new ChallengeApi(resolver, challenges, indicators)::routes,
                new ActorApi(resolver, actorService)::routes,
                new IndicatorApi(resolver, indicators, indicatorTable, reviews)::routes,
                new EditApi(resolver, edits)::routes,
                new OpenApi(edits.kinds())::routes,
                new EditController(resolver, edits, database)::routes,
                new HistoryController(resolver, edits, database)::routes,
                new JourneyEditController(resolver, edits, database)::routes,
                files,
                new TraceController(resolver, traces, chainCheck, budgetRollups, database)::routes,
                new TraceApi(resolver, traces, chainCheck, budgetRollups, database)::routes,
                new IndicatorController(resolver, indicators, indicatorTable, reviews, Clock.system(JAPAN))::routes,
                new SearchController(resolver, new SearchService(database, edits.kinds()))::routes,
                new WorkshopApi(resolver, workshops, journeys, actors, config, edits),
                new ParticipantNames(workshops),
                new WorkshopRecordController(resolver, new WorkshopRecords(new WorkshopRepository(database), journeys,
                        edits.kinds())));
        return Server.create(config, database, authorizer, resolver, features);
    }
}
