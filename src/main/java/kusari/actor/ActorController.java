package kusari.actor;

import kusari.core.Paging;
import kusari.web.Access;
import kusari.web.Pages;
import kusari.web.Route;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import kusari.actor.ActorPage.RenameForm;
import kusari.actor.ActorRepository.JourneyRef;
import kusari.actor.ActorService.DirectoryEntry;
import kusari.core.ConflictException;
import kusari.core.FieldError;
import kusari.core.StoredCode;
import kusari.core.ValidationException;
import kusari.core.Workspace;
import kusari.core.WorkspaceResolver;
import kusari.web.ErrorPages;
import kusari.web.Links;
import kusari.web.NotFound;
import kusari.web.Requests;
import kusari.core.Ui;

/** Actor pages: the directory, one actor's responsibility, its checklist, the matrix and a journey's chart. */
public final class ActorController {

    private static final String FLASH = "kusari.actor.flash";

    private final WorkspaceResolver resolver;
    private final ActorService service;

    public ActorController(WorkspaceResolver resolver, ActorService service) {
        this.resolver = resolver;
        this.service = service;
    }

    public List<Route> routes() {
        return List.of(
                Route.get(Links.ACTORS, this::list, Access.READ).kept(),
                Route.get(Links.ACTOR, this::show, Access.READ).kept(),
                Route.post(Links.ACTOR_RENAME, this::rename, Access.EDIT),
                Route.get(Links.ACTOR_CHECKLIST, this::checklist, Access.READ),
                Route.get(Links.MATRIX, this::matrix, Access.READ),
                Route.get(Links.JOURNEY_CHART, this::journeyChart, Access.READ));
    }

    void list(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Integer fy = fiscalYear(ctx);
        String q = ctx.queryParam("q");
        List<DirectoryEntry> all = service.directory(ws, q, fy);
        Pages.render(ctx, "actor/list.jte", new ActorListPage(Requests.ui(ctx), ws, q == null ? "" : q.strip(), fy,
                fiscalYears(ws, service.repository().names(ws.id())),
                all.stream().filter(e -> e.actor().government()).toList(),
                all.stream().filter(e -> !e.actor().government()).toList()));
    }

    void show(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Integer fy = fiscalYear(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        String flash = consumeFlash(ctx);
        if (flash != null) {
            Pages.notKept(ctx);  // "renamed from FY…" shows once, after the rename
        }
        render(ctx, ws, id, fy, null, flash);
    }

    /**
     * The one-time message left by a rename, taken from the session if there is one. Asking Javalin for a session
     * attribute makes a session, and with it a cookie and server memory, for every visitor who only reads the page.
     */
    private static String consumeFlash(Context ctx) {
        jakarta.servlet.http.HttpSession session = ctx.req().getSession(false);
        if (session == null) {
            return null;
        }
        Object flash = session.getAttribute(FLASH);
        if (flash != null) {
            session.removeAttribute(FLASH);
        }
        return flash instanceof String s ? s : null;
    }

    /** Renders the actor page; {@code form} null for a fresh form. */
    private void render(Context ctx, Workspace ws, long id, Integer fy, RenameForm form, String flash) {
        String persona = blankToNull(ctx.queryParam("persona"));
        ActorOverview o = service.overview(ws, id, fy, persona, Paging.parse("page", ctx.queryParam("page")))
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id")));
        String personaLabel = null;
        if (persona != null) {
            personaLabel = service.repository().journeys(ws.id()).stream().filter(j -> j.personaSlug().equals(persona))
                    .map(JourneyRef::personaLabel).findFirst()
                    .orElseThrow(() -> NotFound.of(ctx, "error.notFound.persona", persona));
        }
        RenameForm shown = form != null ? form
                : new RenameForm("", String.valueOf(Math.max(ws.planFrom(), o.names().isEmpty() ? ws.planFrom()
                        : o.names().get(o.names().size() - 1).fromFiscalYear() + 1)), o.version(), Map.of(), null);
        Pages.render(ctx, "actor/show.jte", new ActorPage(Requests.ui(ctx), ws, o, persona, personaLabel,
                fiscalYears(ws, service.repository().names(ws.id())), shown, flash,
                service.repository().readings(o.actor().id()), fy != null ? fy : currentFiscalYear()));
    }

    /** Fiscal years turn on 1 April, Japan time. */
    private static int currentFiscalYear() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    void rename(Context ctx) {
        Workspace ws = resolver.require(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        Ui ui = Requests.ui(ctx);
        ActorService.Rename form = new ActorService.Rename(ctx.formParam("name"), ctx.formParam("fromFiscalYear"),
                ctx.formParam("version"));
        long version = parseLong(form.version());
        try {
            ActorName renamed = service.rename(ws, id, form);
            ctx.sessionAttribute(FLASH, ui.t("actor.rename.done", ui.fiscalYear(renamed.fromFiscalYear()), renamed.name()));
            ctx.redirect(Links.actor(ws.slug(), id, renamed.fromFiscalYear()) + "#names", HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError err : e.errors()) {
                errors.merge(err.field(), ErrorPages.message(ui, err), (a, b) -> a + " " + b);
            }
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, ws, id, null, new RenameForm(nullToEmpty(form.name()), nullToEmpty(form.fromFiscalYear()), version,
                    errors, null), null);
        } catch (ConflictException e) {
            ctx.status(HttpStatus.CONFLICT);
            long current = e.current() == null ? version : e.current().path("version").asLong(version);
            if (e.current() == null) {
                throw NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id"));
            }
            render(ctx, ws, id, null, new RenameForm(nullToEmpty(form.name()), nullToEmpty(form.fromFiscalYear()), current,
                    Map.of(), ui.t("actor.rename.conflict")), null);
        }
    }

    void checklist(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Integer fy = fiscalYear(ctx);
        long id = NotFound.pathLong(ctx, "id", "error.notFound.actor");
        ActorOverview o = service.overview(ws, id, fy, null)
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.actor", ctx.pathParam("id")));
        Pages.render(ctx, "actor/checklist.jte", new ChecklistPage(Requests.ui(ctx), ws, o,
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))));
    }

    void matrix(Context ctx) {
        Workspace ws = resolver.require(ctx);
        ResponsibilityMatrix m = matrixOf(ctx, service, ws).page(Paging.parse("page", ctx.queryParam("page")),
                Paging.parse("columnPage", ctx.queryParam("columnPage")));
        List<JourneyRef> journeys = service.repository().journeys(ws.id());
        if (m.personaPaging().paged()) {
            // The chart links follow the persona columns shown, so that the page stays one page long.
            java.util.Set<String> shown = new java.util.HashSet<>();
            m.columns().forEach(c -> shown.add(c.personaSlug()));
            journeys = journeys.stream().filter(j -> shown.contains(j.personaSlug())).toList();
        }
        Pages.render(ctx, "actor/matrix.jte", new MatrixPage(Requests.ui(ctx), ws, m,
                service.repository().policyFields(ws.id()), journeys,
                fiscalYears(ws, service.repository().names(ws.id()))));
    }

    void journeyChart(Context ctx) {
        Workspace ws = resolver.require(ctx);
        Integer fy = fiscalYear(ctx);
        ActorKind kind = kind(ctx);
        List<JourneyRef> journeys = service.repository().journeys(ws.id());
        String slug = ctx.pathParam("journey");
        JourneyRef journey = journeys.stream().filter(j -> j.slug().equals(slug)).findFirst()
                .orElseThrow(() -> NotFound.of(ctx, "error.notFound.journey", slug));
        ActorRepository repo = service.repository();
        Acting acting = repo.actingOfJourney(ws.id(), journey.id());
        JourneyChart chart = JourneyChart.of(acting, journey, kind, fy, repo.challengesByStepOfJourney(ws.id(), journey.id()),
                repo.projectsByChallengeOfJourney(ws.id(), journey.id()), repo.leadsByProjectOfJourney(ws.id(), journey.id()));
        Pages.render(ctx, "actor/chart.jte", new JourneyChartPage(Requests.ui(ctx), ws, chart, journeys, kind, fy,
                fiscalYears(ws, acting.names())));
    }

    // Query parameters shared with ActorApi: a bad value is a 400 with a message in the user's language.

    static ResponsibilityMatrix.Whole matrixOf(Context ctx, ActorService service, Workspace ws) {
        Integer fy = fiscalYear(ctx);
        ActorKind kind = kind(ctx);
        String field = blankToNull(ctx.queryParam("field"));
        ActorRepository repo = service.repository();
        if (field != null && repo.policyFields(ws.id()).stream().noneMatch(f -> f.code().equals(field))) {
            throw new BadRequestResponse(Requests.ui(ctx).t("matrix.error.field", field));
        }
        String sort = blankToNull(ctx.queryParam("sort"));
        var columns = repo.matrixColumns(ws.id());
        // an unknown order is said, not ignored: name, total or persona:<slug> of a column
        if (sort != null && !sort.equals(ResponsibilityMatrix.Filter.SORT_NAME)
                && !sort.equals(ResponsibilityMatrix.Filter.SORT_TOTAL)
                && !(sort.startsWith(ResponsibilityMatrix.Filter.SORT_PERSONA) && columns.stream().anyMatch(col -> col.personaSlug()
                        .equals(sort.substring(ResponsibilityMatrix.Filter.SORT_PERSONA.length()))))) {
            throw new BadRequestResponse(Requests.ui(ctx).t("matrix.error.sort", sort));
        }
        return ResponsibilityMatrix.of(repo.actorRows(ws.id()), repo.names(ws.id()), columns,
                repo.stepsByActorAndPersona(ws.id()),
                new ResponsibilityMatrix.Filter(kind, field, fy, sort));
    }

    /** The chosen fiscal year ({@code ?fy=2022}), or null for the newest names. */
    static Integer fiscalYear(Context ctx) {
        String raw = blankToNull(ctx.queryParam("fy"));
        if (raw == null) {
            return null;
        }
        Integer year = ActorService.parseYear(raw);
        if (year == null || year < ActorService.FIRST_YEAR || year > ActorService.LAST_YEAR) {
            throw new BadRequestResponse(Requests.ui(ctx).t("actor.error.fiscalYear", raw,
                    String.valueOf(ActorService.FIRST_YEAR), String.valueOf(ActorService.LAST_YEAR)));
        }
        return year;
    }

    /** {@code ?kind=GOVERNMENT} or {@code PARTNER}; null for both. */
    static ActorKind kind(Context ctx) {
        String raw = blankToNull(ctx.queryParam("kind"));
        if (raw == null) {
            return null;
        }
        return StoredCode.find(ActorKind.class, raw)
                .orElseThrow(() -> new BadRequestResponse(Requests.ui(ctx).t("matrix.error.kind", raw)));
    }

    /** The fiscal years offered in the year pickers: the plan period, plus any year a name took effect. */
    static List<Integer> fiscalYears(Workspace ws, ActorNames names) {
        TreeSet<Integer> years = new TreeSet<>();
        for (int y = ws.planFrom(); y <= ws.planTo(); y++) {
            years.add(y);
        }
        names.allYears().forEach(years::add);
        return new ArrayList<>(years);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long parseLong(String raw) {
        try {
            return raw == null ? -1 : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
