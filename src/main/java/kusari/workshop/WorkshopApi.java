package kusari.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.SameSite;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import kusari.core.AppConfig;
import kusari.core.NotFoundException;
import kusari.core.Ui;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.journey.JourneyQueries;
import kusari.web.Access;
import kusari.web.ApiDoc;
import kusari.web.EventHub;
import kusari.web.Feature;
import kusari.web.Pages;
import kusari.web.Route;

/**
 * The live workshop's routes: the facilitator's JSON API and projector board (those who may edit the workspace),
 * and the participants' phone page, cards, votes and event stream (anyone holding the workshop's participant
 * cookie; it grants that workshop only, and nothing once the workshop is closed).
 */
public final class WorkshopApi implements Feature {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PARTICIPANT_COOKIE = "kusari_workshop_";

    private final WorkspaceResolver resolver;
    private final WorkshopService service;
    private final JourneyQueries journeys;
    private final AppConfig config;
    private final Promotions promotions;
    private final kusari.change.EditService edits;
    private final kusari.actor.ActorQueries actors;

    public WorkshopApi(WorkspaceResolver resolver, WorkshopService service, JourneyQueries journeys,
                       kusari.actor.ActorQueries actors, AppConfig config, kusari.change.EditService edits) {
        this.resolver = resolver;
        this.service = service;
        this.journeys = journeys;
        this.config = config;
        this.edits = edits;
        this.actors = actors;
        this.promotions = new Promotions(edits, service.repository(), journeys, actors, service);
    }

    @Override
    public void stop() {
        service.hub().close();
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.POST, WorkshopPaths.WORKSHOPS, this::create, Access.EDIT, null)
                        .doc(ApiDoc.of("Open a live workshop on a journey (201 with its join code and URL)").status(201)
                                .body("WorkshopNew")
                                .returns(WorkshopJson.class)),
                new Route(HandlerType.GET, WorkshopPaths.WORKSHOPS, this::list, Access.EDIT, null)
                        .doc(ApiDoc.of("The workspace's workshops").returnsList(WorkshopJson.class)),
                new Route(HandlerType.GET, WorkshopPaths.WORKSHOP, this::show, Access.EDIT, null)
                        .doc(ApiDoc.of("One workshop with its cards and votes").returns(WorkshopWithCards.class)),
                new Route(HandlerType.PATCH, WorkshopPaths.WORKSHOP, this::update, Access.EDIT, null)
                        .doc(ApiDoc.of("Change a workshop's phase, focused step, timer, spotlight or status (CLOSED), with its version")
                                .body("WorkshopChange")
                                .returns(WorkshopJson.class)),
                new Route(HandlerType.POST, WorkshopPaths.HIDE, this::hide, Access.EDIT, null)
                        .doc(ApiDoc.of("Hide a card from the room or show it again (moderation, recorded)").body("CardHidden")
                                .returns(CardJson.class)),
                new Route(HandlerType.POST, WorkshopPaths.PROMOTE, this::promote, Access.EDIT, null)
                        .doc(ApiDoc.of("Turn a card into the chain: {to: painPoint | emotionText}; {to: step, where: before |"
                                + " after}; {to: action, actor: id or name, kind: GOVERNMENT | PARTNER (required, never"
                                + " defaulted), text}; {to: challenge, cards: [card ids], title (a new one) or challenge"
                                + " (a number)}").body("CardPromotion")),
                Route.sse(WorkshopPaths.BOARD_EVENTS.template(), this::boardEvents, Access.EDIT)
                        .doc(ApiDoc.of("The workshop's events as text/event-stream, for the projector").produces("text/event-stream")),
                Route.get(WorkshopPaths.BOARD, this::board, Access.EDIT),
                Route.post(kusari.web.Links.OPEN_WORKSHOP, this::openFromJourney, Access.EDIT),
                Route.get(WorkshopPaths.JOIN, this::join, Access.ANYONE),
                new Route(HandlerType.GET, WorkshopPaths.JOINED, this::joined, Access.ANYONE, null)
                        .doc(ApiDoc.of("A participant's view: the journey's steps as shown, the cards, their own votes")
                                .returns(JoinedJson.class)),
                new Route(HandlerType.POST, WorkshopPaths.CARDS, this::post, Access.ANYONE, null)
                        .doc(ApiDoc.of("A participant posts a card to a step (201)").status(201).body("CardNew")
                                .returns(CardJson.class)),
                new Route(HandlerType.PATCH, WorkshopPaths.CARD, this::edit, Access.ANYONE, null)
                        .doc(ApiDoc.of("A participant edits their own card").body("CardText").returns(CardJson.class)),
                new Route(HandlerType.DELETE, WorkshopPaths.CARD, this::withdraw, Access.ANYONE, null)
                        .doc(ApiDoc.of("A participant withdraws their own card").returns(CardJson.class)),
                new Route(HandlerType.POST, WorkshopPaths.VOTE, this::vote, Access.ANYONE, null)
                        .doc(ApiDoc.of("A participant's dot vote for a card").returns(CardJson.class)),
                Route.sse(WorkshopPaths.EVENTS.template(), this::events, Access.ANYONE)
                        .doc(ApiDoc.of("The workshop's events as text/event-stream, each card's text in its JSON data")
                                .produces("text/event-stream")));
    }

    @Override
    public void exceptions(RoutesConfig routes) {
        routes.exception(WorkshopService.TooMany.class, (e, ctx) -> {
            Ui ui = Ui.of(ctx);
            String message = ui.t(e.key, e.args);
            ctx.status(429).header("Retry-After", "60").json(Map.of("status", 429,
                    "title", ui.t("workshop.error.status429"), "message", message));
        });
    }

    // ------------------------------------------------------------------ JSON

    record WorkshopJson(long id, String code, String joinUrl, String status, String phase, long version, String title,
                        String date, boolean named, int votesPerParticipant, boolean cardsShared, Integer focusStep,
                        String timerEndsAt, Long spotlight, String createdAt) {
    }

    record CardJson(long id, int step, String kind, String text, Integer emotion, int votes, boolean hidden,
                    boolean withdrawn, String became, long version, String author) {
    }

    static WorkshopJson json(Workshop w, String joinUrl) {
        return new WorkshopJson(w.id(), w.code(), joinUrl, w.status(), w.phase(), w.version(), w.title(), w.heldOn(),
                w.named(), w.votesEach(), w.cardsShared(), w.focusStep(), w.timerEndsAt(), w.spotlightCard(),
                w.createdAt());
    }

    static CardJson cardJson(Card k) {
        return new CardJson(k.id(), k.step(), k.kind(), k.text(), k.emotion(), k.votes(), k.hidden(), k.withdrawn(),
                k.became(), k.version(), k.author());
    }

    private String joinUrl(Context ctx, Workshop w) {
        return config.publicBaseUrl(ctx.port()) + WorkshopPaths.JOIN.fill(w.code());
    }

    private ObjectNode body(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (java.io.IOException e) {
            // answered below
        }
        throw new BadRequestResponse(Ui.of(ctx).t("workshop.error.json"));
    }

    private Workshop mine(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse(Ui.of(ctx).t("workshop.error.unknown"));
        }
        return service.repository().find(ws.id(), id)
                .orElseThrow(() -> new NotFoundResponse(Ui.of(ctx).t("workshop.error.unknown")));
    }

    void create(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ObjectNode in = body(ctx);
        Workshop w = service.create(ws.id(), text(in, "journey"), text(in, "title"), text(in, "date"),
                in.path("named").asBoolean(false), in.path("votesPerParticipant").asInt(3),
                in.path("cardsShared").asBoolean(true));
        ctx.status(201).json(json(w, joinUrl(ctx, w)));
    }

    /**
     * The journey page's form: opens a workshop on that journey, or on a new empty journey of the same persona,
     * then goes to the board. Bad input is answered 400 in the user's language, and nothing is created.
     */
    void openFromJourney(Context ctx) {
        Workspace ws = resolver.require(ctx);
        String journey = ctx.formParam("journey");
        String newJourney = ctx.formParam("on") != null && ctx.formParam("on").equals("new")
                ? java.util.Optional.ofNullable(ctx.formParam("newJourney")).orElse("").strip() : null;
        int votes;
        try {
            votes = Integer.parseInt(java.util.Optional.ofNullable(ctx.formParam("votesPerParticipant")).orElse("3").strip());
        } catch (NumberFormatException e) {
            throw kusari.core.ValidationException.of("votesPerParticipant", "workshop.error.votes");
        }
        String title = ctx.formParam("title");
        String date = ctx.formParam("date");
        boolean named = "named".equals(ctx.formParam("named"));
        boolean shared = !"own".equals(ctx.formParam("cardsShared"));
        // everything but the journey is checked before a new journey is made, so a refusal leaves nothing behind
        service.check(title, date, votes);
        if (newJourney != null) {
            journey = journeys.findBySlug(ws.id(), journey == null ? "" : journey)
                    .map(j -> emptyJourney(ws, j, newJourney))
                    .orElseThrow(() -> kusari.core.ValidationException.of("journey", "workshop.error.journey"));
        }
        Workshop w = service.create(ws.id(), journey, title, date, named, votes, shared);
        ctx.redirect(WorkshopPaths.BOARD.fill(ws.slug(), w.id()), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** A new journey without steps for the persona of {@code beside}: the room fills it in. Returns its slug. */
    private String emptyJourney(Workspace ws, kusari.journey.Journey beside, String title) {
        if (title.isEmpty()) {
            throw kusari.core.ValidationException.of("newJourney", "workshop.error.newJourney");
        }
        int n = 2;
        while (journeys.findBySlug(ws.id(), beside.personaSlug() + "-" + n).isPresent()) {
            n++;
        }
        Map<String, JsonNode> input = new java.util.LinkedHashMap<>();
        input.put("persona", com.fasterxml.jackson.databind.node.LongNode.valueOf(beside.personaId()));
        input.put("slug", com.fasterxml.jackson.databind.node.TextNode.valueOf(beside.personaSlug() + "-" + n));
        input.put("title", com.fasterxml.jackson.databind.node.TextNode.valueOf(title));
        return edits.create(ws.id(), edits.kinds().byName("journey").orElseThrow(), input, null).state()
                .get("slug").asText();
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ctx.json(service.repository().findAll(ws.id()).stream().map(w -> json(w, joinUrl(ctx, w))).toList());
    }

    record WorkshopWithCards(WorkshopJson workshop, String journey, List<CardJson> cards) {
    }

    void show(Context ctx) {
        Workshop w = mine(ctx);
        ctx.json(new WorkshopWithCards(json(w, joinUrl(ctx, w)), journeySlug(w),
                service.repository().cards(w.id()).stream().map(WorkshopApi::cardJson).toList()));
    }

    private String journeySlug(Workshop w) {
        return service.repository().database().read(c -> kusari.db.Sql.queryOne(c,
                "SELECT slug FROM journey WHERE id = ?", rs -> rs.getString(1), w.journeyId())).orElse("");
    }

    void update(Context ctx) {
        Workshop w = mine(ctx);
        ObjectNode in = body(ctx);
        if (!in.path("version").canConvertToLong()) {
            throw kusari.core.ValidationException.of("version", "workshop.error.version");
        }
        Workshop after = service.update(w.workspaceId(), w.id(), in.get("version").asLong(), in);
        ctx.json(json(after, joinUrl(ctx, after)));
    }

    void hide(Context ctx) {
        Workshop w = mine(ctx);
        long card = pathLong(ctx, "card");
        ObjectNode in = ctx.body().isBlank() ? JSON.createObjectNode() : body(ctx);
        ctx.json(cardJson(service.hide(w.workspaceId(), w.id(), card, in.path("hidden").asBoolean(true))));
    }

    void promote(Context ctx) {
        Workshop w = mine(ctx);
        ctx.json(promotions.promote(w, pathLong(ctx, "card"), body(ctx)));
    }

    void boardEvents(SseClient client) {
        Context ctx = client.ctx();
        Workshop w = mine(ctx);
        long after = queryLong(ctx, "after");
        service.hub().open(client, WorkshopService.channel(w.id()), "board:" + ctx.ip(), after,
                from -> service.events(w.id(), from));
    }

    void board(Context ctx) {
        Workshop w = mine(ctx);
        Workspace ws = resolver.require(ctx);
        String join = joinUrl(ctx, w);
        Pages.render(ctx, "workshop/board.jte", new BoardPage(Ui.of(ctx), w, journeyTitle(w),
                service.steps(w), join, QrSvg.of(join), WorkshopPaths.WORKSHOP.fill(ws.slug(), w.id()),
                WorkshopPaths.BOARD_EVENTS.fill(ws.slug(), w.id()),
                WorkshopPaths.WORKSHOP.fill(ws.slug(), w.id()) + "/cards/",
                actors.findAllWithCounts(ws.id()).stream().map(kusari.actor.ActorQueries.ActorSummary::actor).toList()));
    }

    private String journeyTitle(Workshop w) {
        return service.repository().database().read(c -> kusari.db.Sql.queryOne(c,
                "SELECT title FROM journey WHERE id = ?", rs -> rs.getString(1), w.journeyId())).orElse("");
    }

    // ------------------------------------------------------------------ participants

    private Workshop byCode(Context ctx) {
        try {
            return service.byCode(ctx.pathParam("code"), ctx.ip());
        } catch (NotFoundException e) {
            throw new NotFoundResponse(Ui.of(ctx).t("workshop.error.code"));
        }
    }

    /** The participant of this request's workshop, from its cookie; refused for anyone else or once closed. */
    private long participant(Context ctx, Workshop w) {
        if (!w.open()) {
            throw new ForbiddenResponse(Ui.of(ctx).t("workshop.error.closed"));
        }
        return service.participant(w, ctx.cookie(PARTICIPANT_COOKIE + w.code()))
                .orElseThrow(() -> new ForbiddenResponse(Ui.of(ctx).t("workshop.error.notJoined")));
    }

    void join(Context ctx) {
        Workshop w = byCode(ctx);
        if (!w.open()) {
            throw new ForbiddenResponse(Ui.of(ctx).t("workshop.error.closed"));
        }
        String cookieName = PARTICIPANT_COOKIE + w.code();
        if (service.participant(w, ctx.cookie(cookieName)).isEmpty()) {
            String token = service.join(w);
            // Lax: the phone comes from its camera app (another site) and must keep its cards when it comes again
            ctx.cookie(new Cookie(cookieName, token, "/", 12 * 3600, kusari.web.Transport.isSecure(ctx), true, null,
                    SameSite.LAX));
        }
        ctx.header("Cache-Control", "no-store");
        Pages.render(ctx, "workshop/phone.jte", new PhonePage(Ui.of(ctx), w, journeyTitle(w), service.steps(w),
                WorkshopPaths.JOINED.fill(w.code()), WorkshopPaths.CARDS.fill(w.code()),
                WorkshopPaths.EVENTS.fill(w.code()), WorkshopService.MAX_TEXT));
    }

    record StepJson(int position, String title, int emotionScore) {
    }

    record JoinedJson(WorkshopJson workshop, String journeyTitle, List<StepJson> steps, List<CardJson> cards,
                      List<Long> mine, List<Long> voted, long lastEvent) {
    }

    void joined(Context ctx) {
        Workshop w = byCode(ctx);
        long me = participant(ctx, w);
        List<Card> cards = service.repository().cards(w.id());
        List<CardJson> shown = cards.stream()
                .filter(k -> !k.hidden() && !k.withdrawn())
                .filter(k -> w.cardsShared() || (k.participantId() != null && k.participantId() == me))
                .map(WorkshopApi::cardJson).toList();
        List<Long> mine = cards.stream().filter(k -> k.participantId() != null && k.participantId() == me)
                .map(Card::id).toList();
        ctx.json(new JoinedJson(new WorkshopJson(w.id(), w.code(), joinUrl(ctx, w), w.status(), w.phase(), w.version(),
                w.title(), w.heldOn(), w.named(), w.votesEach(), w.cardsShared(), w.focusStep(), w.timerEndsAt(),
                w.spotlightCard(), w.createdAt()), journeyTitle(w),
                service.steps(w).stream().map(s -> new StepJson(s.position(), s.title(), s.emotionScore())).toList(),
                shown, mine, service.repository().votedBy(w.id(), me), service.repository().lastEvent(w.id())));
    }

    void post(Context ctx) {
        Workshop w = byCode(ctx);
        long me = participant(ctx, w);
        ObjectNode in = body(ctx);
        if (!in.path("step").canConvertToInt()) {
            throw kusari.core.ValidationException.of("step", "workshop.error.step");
        }
        Integer emotion = in.hasNonNull("emotion") ? in.get("emotion").asInt(99) : null;
        Card card = service.post(w, me, in.get("step").asInt(), text(in, "kind"), text(in, "text"), emotion);
        ctx.status(201).json(cardJson(card));
    }

    void edit(Context ctx) {
        Workshop w = byCode(ctx);
        long me = participant(ctx, w);
        ctx.json(cardJson(service.changeOwn(w, me, pathLong(ctx, "id"), text(body(ctx), "text"), false)));
    }

    void withdraw(Context ctx) {
        Workshop w = byCode(ctx);
        long me = participant(ctx, w);
        ctx.json(cardJson(service.changeOwn(w, me, pathLong(ctx, "id"), null, true)));
    }

    void vote(Context ctx) {
        Workshop w = byCode(ctx);
        long me = participant(ctx, w);
        ctx.json(cardJson(service.vote(w, me, pathLong(ctx, "id"))));
    }

    void events(SseClient client) {
        Context ctx = client.ctx();
        Workshop w = byCode(ctx);
        long me = participant(ctx, w);
        long after = queryLong(ctx, "after");
        // when cards are not shared, a phone hears the room (phase, timer, focus) but not the cards; its own it knows
        service.hub().open(client, WorkshopService.channel(w.id()), "p" + me, after,
                from -> w.cardsShared() ? service.events(w.id(), from)
                        : service.events(w.id(), from).stream()
                        .map(e -> e.type().equals("card") || e.type().equals("vote") ? EventHub.Event.skipped(e.id()) : e)
                        .toList());
    }

    // ------------------------------------------------------------------ helpers

    private static String text(ObjectNode in, String field) {
        JsonNode v = in.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long queryLong(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long pathLong(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse(Ui.of(ctx).t("workshop.error.card"));
        }
    }
}
