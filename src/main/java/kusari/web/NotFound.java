package kusari.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** 404 answers whose message is in the user's language. */
public final class NotFound {

    private NotFound() {
    }

    /** A NotFoundResponse saying, e.g., 「課題99 は見つかりません」. */
    public static NotFoundResponse of(Context ctx, String messageKey, Object... args) {
        return new NotFoundResponse(Requests.ui(ctx).t(messageKey, args));
    }

    /** Like {@link #pathLong}, for numbers that must fit an int (a number beyond it cannot exist, so: not found). */
    public static int pathInt(Context ctx, String name, String messageKey) {
        long value = pathLong(ctx, name, messageKey);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw of(ctx, messageKey, ctx.pathParam(name));
        }
        return (int) value;
    }

    /** Parses a whole number path parameter; anything else is "not found", not a server error. */
    public static long pathLong(Context ctx, String name, String messageKey) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw of(ctx, messageKey, raw);
        }
    }
}
