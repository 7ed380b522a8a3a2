package kusari.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.rendering.FileRenderer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kusari.actor.Actor;
import kusari.actor.ActorQueries;
import kusari.change.ChangeEntry;
import kusari.change.ChangeLog;
import kusari.core.ReadingRepository;
import kusari.core.Ui;
import kusari.core.Voices;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.db.Database;
import kusari.web.Access;
import kusari.web.EventHub;
import kusari.web.Feature;
import kusari.web.JteRenderer;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Pages;
import kusari.web.Requests;
import kusari.web.Route;

/**
 * A journey map on its own page (projector, A3 print) and in the facilitator's editing mode, kept live by push:
 * every committed change of the workspace wakes the map's open streams, and each sends its page the map as it now
 * is, rendered for that viewer (their language and what they may edit), when the change touched it. What was
 * changed is named in the event too (the history entries since the page's last event); the history is the store
 * of these events, so a page that reconnects with its last event id gets everything it missed.
 */
public final class JourneyController implements Feature {

    /** The most history entries one event names; the map it carries holds all of them whatever their number. */
    static final int CHANGES_PER_EVENT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkspaceResolver resolver;
    private final JourneyRepository journeys;
    private final ReadingRepository readings;
    private final ActorQueries actors;
    private final Voices voices;
    private final Database database;
    private final EventHub hub = new EventHub();
    private final Runnable wake = hub::wakeAll;

    public JourneyController(WorkspaceResolver resolver, JourneyRepository journeys,
                             ReadingRepository readings, ActorQueries actors, Voices voices, Database database) {
        this.voices = voices;
        this.resolver = resolver;
        this.journeys = journeys;
        this.readings = readings;
        this.actors = actors;
        this.database = database;
        database.onCommit(wake);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get(Links.JOURNEY, ctx -> show(ctx, false), Access.READ).kept(),
                // the facilitator's editing mode: department members add their actions there
                Route.get(Links.JOURNEY_EDITOR, ctx -> show(ctx, true), Access.EDIT_OWN),
                Route.sse(Links.JOURNEY_EVENTS.template(), client -> stream(client, false), Access.READ)
                        .doc("A journey map's changes as text/event-stream: each event carries the map as it now is"),
                Route.sse(Links.JOURNEY_EDITOR_EVENTS.template(), client -> stream(client, true), Access.EDIT_OWN)
                        .doc("The journey editor's changes as text/event-stream, with the editable map"));
    }

    @Override
    public void stop() {
        database.removeOnCommit(wake);
        hub.close();
    }

    void show(Context ctx, boolean editing) {
        Workspace ws = resolver.require(ctx);
        String slug = ctx.pathParam("slug");
        Journey journey = journeys.findBySlug(ws.id(), slug)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.journey", slug));
        Pages.render(ctx, "journey/show.jte", page(Requests.ui(ctx), ws, journey, editing, presenting(ctx)));
    }

    private static boolean presenting(Context ctx) {
        return JourneyPage.PRESENT_VALUE.equals(ctx.queryParam(JourneyPage.PRESENT_PARAM));
    }

    /** The page's data, read in one snapshot (inside a request scope) with the newest change it includes. */
    private JourneyPage page(Ui ui, Workspace ws, Journey journey, boolean editing, boolean presenting) {
        long latest = database.read(c -> ChangeLog.latestId(c, ws.id()));
        JourneyPersona persona = journeys.findPersona(journey.id());
        JourneySection section = new JourneySection(journeys.loadMap(journey), readings.find("JOURNEY", journey.id()));
        List<Actor> suggestions = editing
                ? actors.findAllWithCounts(ws.id()).stream().map(ActorQueries.ActorSummary::actor).toList()
                : List.of();
        return new JourneyPage(ui, ws, persona, section, editing, suggestions, presenting,
                voices.ofJourney(journey.id()),
                ui.mayEditSteps(ws.id()) ? voices.sessions(ws.slug(), journey.id()) : List.of(), latest);
    }

    void stream(SseClient client, boolean editing) {
        Context ctx = client.ctx();
        Workspace ws = resolver.require(ctx);
        String slug = ctx.pathParam("slug");
        long journeyId = journeys.findBySlug(ws.id(), slug)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.journey", slug)).id();
        // the viewer as they opened the stream: what the map offers them to edit follows from it
        Ui ui = Requests.ui(ctx);
        boolean presenting = presenting(ctx);
        JteRenderer renderer = (JteRenderer) ctx.appData(FileRenderer.FileRendererKey);
        AtomicLong seen = new AtomicLong();
        AtomicReference<String> shown = new AtomicReference<>();
        Sent sent = new Sent();
        long after = EventHub.startAfter(client, after(ctx));
        long latest = database.read(c -> ChangeLog.latestId(c, ws.id()));
        if (latest <= after) {
            // the page is up to date: it shows the map as it is now, so a later change elsewhere in the workspace
            // that leaves this map as it is sends it nothing (seeded before the stream answers, so no change of
            // the map can slip in between)
            journeys.findById(ws.id(), journeyId).ifPresent(j -> shown.set(asShown(
                    renderer.render("journey/live.jte", page(ui, ws, j, editing, presenting, latest)))));
            seen.set(latest);
        }
        hub.open(client, "journey:" + journeyId, "journey:" + ctx.ip() + ":" + ui.identity(), after,
                from -> {
                    try (Database.RequestScope scope = database.openRequestScope()) {
                        return fresh(ui, ws, journeyId, editing, presenting, renderer, from, seen, shown, sent);
                    }
                });
    }

    /**
     * What one stream sends after {@code from}: nothing when no change was committed since, or none that alters
     * this map as this viewer sees it; else one event with the map and the changes that led to it.
     */
    private List<EventHub.Event> fresh(Ui ui, Workspace ws, long journeyId, boolean editing, boolean presenting,
                                       JteRenderer renderer, long from, AtomicLong seen,
                                       AtomicReference<String> shown, Sent sent) {
        long latest = database.read(c -> ChangeLog.latestId(c, ws.id()));
        if (latest <= Math.max(from, seen.get())) {
            return List.of();
        }
        seen.set(latest);
        Journey journey = journeys.findById(ws.id(), journeyId).orElse(null);
        ObjectNode data = JSON.createObjectNode().put("latest", latest);
        if (journey == null) {
            // deleted: the page says so when it loads again
            return List.of(new EventHub.Event(latest, "journey-gone", data.toString()));
        }
        String html = renderer.render("journey/live.jte", page(ui, ws, journey, editing, presenting, latest));
        if (asShown(html).equals(shown.getAndSet(asShown(html)))) {
            return List.of();
        }
        ArrayNode changes = data.putArray("changes");
        for (ChangeEntry e : database.read(c -> ChangeLog.since(c, ws.id(), from, CHANGES_PER_EVENT))) {
            changes.addObject().put("id", e.id()).put("entity", e.entity())
                    .put("operation", e.operation().name()).put("summary", kusari.change.Summaries.of(ui, e));
        }
        // after the first map of this stream, only the lines that changed since the map it sent last
        ArrayNode patch = sent.html == null ? null : LinePatch.between(sent.html, html);
        if (patch != null && patch.toString().length() < html.length() / 2) {
            data.put("base", sent.id).set("patch", patch);
        } else {
            data.put("html", html);
        }
        sent.html = html;
        sent.id = latest;
        return List.of(new EventHub.Event(latest, "journey", data.toString()));
    }

    private JourneyPage page(Ui ui, Workspace ws, Journey journey, boolean editing, boolean presenting, long latest) {
        JourneyPage page = page(ui, ws, journey, editing, presenting);
        // the id the event is sent under, so that the map and the event agree when a change lands in between
        return new JourneyPage(page.ui(), page.workspace(), page.persona(), page.section(), page.editing(),
                page.actors(), page.presenting(), page.voices(), page.workshops(),
                Math.min(latest, page.latestChange()));
    }

    /** What one stream sent last: the page applies a patch to exactly this text. */
    private static final class Sent {
        volatile String html;
        volatile long id;
    }

    /** The map as the person sees it: without the id of the change it was made from, which every change moves. */
    private static String asShown(String html) {
        return CHANGE_ATTRIBUTE.matcher(html).replaceFirst("");
    }

    private static final java.util.regex.Pattern CHANGE_ATTRIBUTE = java.util.regex.Pattern.compile(" data-change=\"\\d+\"");

    /** Where a new stream starts: after the change its page was made from ({@code ?after=}). */
    private static long after(Context ctx) {
        String v = ctx.queryParam("after");
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
