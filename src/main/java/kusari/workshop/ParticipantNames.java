package kusari.workshop;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import java.text.Normalizer;
import java.util.List;
import kusari.core.NotFoundException;
import kusari.core.Ui;
import kusari.core.ValidationException;
import kusari.db.Sql;
import kusari.web.Access;
import kusari.web.Feature;
import kusari.web.Route;

/**
 * In a named workshop a phone gives the name the room knows it by (a nickname is enough), asked for at join; the
 * board and the record show it with each of its cards. An anonymous workshop neither asks nor keeps one.
 */
public final class ParticipantNames implements Feature {

    /** As long as a name written on a name tag; the table holds no more (V012). */
    public static final int MAX_NAME = 40;

    private final WorkshopService service;

    public ParticipantNames(WorkshopService service) {
        this.service = service;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, WorkshopPaths.NAME, this::show, Access.ANYONE, null)
                        .doc(kusari.web.ApiDoc.of("A participant's display name in a named workshop (\"\" before one is"
                                + " given)").returns(NameJson.class)),
                new Route(HandlerType.PUT, WorkshopPaths.NAME, this::change, Access.ANYONE, null)
                        .doc(kusari.web.ApiDoc.of("A participant gives or changes their display name (named workshops"
                                + " only, up to 40 characters)").returns(NameJson.class)));
    }

    public record NameJson(String name) {
    }

    void show(Context ctx) {
        Joined p = joined(ctx);
        ctx.json(new NameJson(service.repository().database().read(c -> Sql.queryOne(c,
                "SELECT name FROM workshop_participant WHERE id = ?", rs -> rs.getString(1), p.participant()))
                .orElse("")));
    }

    void change(Context ctx) {
        Joined p = joined(ctx);
        if (!p.workshop().named()) {
            throw ValidationException.of("name", "workshop.error.anonymous");
        }
        String name;
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ctx.body());
            name = node == null || !node.path("name").isTextual() ? null : node.get("name").asText();
        } catch (java.io.IOException e) {
            throw new BadRequestResponse(Ui.of(ctx).t("workshop.error.json"));
        }
        String clean = clean(name);
        service.repository().database().inTransaction(c -> Sql.update(c,
                "UPDATE workshop_participant SET name = ? WHERE id = ?", clean, p.participant()));
        ctx.json(new NameJson(clean));
    }

    /**
     * The name as it is kept: NFC, trimmed, 1 to {@link #MAX_NAME} characters, no control characters (a line break
     * would break the board's layout). Markup is kept as typed and shown as text.
     */
    static String clean(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (n.isEmpty()) {
            throw ValidationException.of("name", "workshop.error.nameEmpty");
        }
        if (n.codePoints().anyMatch(Character::isISOControl)) {
            throw ValidationException.of("name", "workshop.error.nameControl");
        }
        int length = n.codePointCount(0, n.length());
        if (length > MAX_NAME || n.length() > MAX_NAME) {
            throw ValidationException.of("name", "workshop.error.nameLong", MAX_NAME, length);
        }
        return n;
    }

    private record Joined(Workshop workshop, long participant) {
    }

    /** This request's workshop and its phone, as every participant route finds them (closed: refused). */
    private Joined joined(Context ctx) {
        Workshop w;
        try {
            w = service.byCode(ctx.pathParam("code"), ctx.ip());
        } catch (NotFoundException e) {
            throw new NotFoundResponse(Ui.of(ctx).t("workshop.error.code"));
        }
        if (!w.open()) {
            throw new ForbiddenResponse(Ui.of(ctx).t("workshop.error.closed"));
        }
        long me = service.participant(w, ctx.cookie(WorkshopApi.PARTICIPANT_COOKIE + w.code()))
                .orElseThrow(() -> new ForbiddenResponse(Ui.of(ctx).t("workshop.error.notJoined")));
        return new Joined(w, me);
    }
}
