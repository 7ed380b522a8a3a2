package kusari.web;

import io.javalin.http.Context;
import java.util.List;
import kusari.core.WholeNumber;

/**
 * A part of a long list answered by the API: {@code limit} items from {@code offset}, the whole count in the
 * {@code X-Total-Count} header and the next part's address in a {@code Link} header (rel="next"). The body stays
 * the list it always was; the default limit keeps the answer of a very large workspace to a few megabytes, and a
 * bad value is refused with a 400 naming the parameter, never silently corrected.
 */
public record ApiPaging(int offset, int limit) {

    /** Items answered when {@code limit} is not given: about 0.5 MB of indicators, well below 5 MB. */
    public static final int DEFAULT_LIMIT = 1_000;
    /** The most items one answer holds. */
    public static final int MAX_LIMIT = 5_000;

    /** The paging asked for by the request's {@code limit} and {@code offset}; refused when not whole numbers in range. */
    public static ApiPaging of(Context ctx) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        return new ApiPaging(offset, limit);
    }

    /** {@code all}'s part for this request, with the headers saying how many there are and where the rest is. */
    public static <T> List<T> part(Context ctx, List<T> all) {
        ApiPaging paging = of(ctx);
        int from = Math.min(all.size(), paging.offset());
        int to = (int) Math.min(all.size(), (long) from + paging.limit());
        ctx.header("X-Total-Count", String.valueOf(all.size()));
        if (to < all.size()) {
            ctx.header("Link", "<" + Links.withQuery(ctx.path(), "limit", paging.limit(), "offset", to) + ">; rel=\"next\"");
        }
        return all.subList(from, to);
    }

    /** The documentation of the two parameters, added to a list route's {@link ApiDoc}. */
    public static ApiDoc documented(ApiDoc doc) {
        return doc.query("limit", "Items in the answer, 1–" + MAX_LIMIT + " (default " + DEFAULT_LIMIT
                        + "); the header X-Total-Count gives how many there are, Link rel=\"next\" the next part")
                .query("offset", "Items skipped first (default 0)");
    }

    private static int number(Context ctx, String name, int otherwise, int min, int max) {
        return WholeNumber.parameter(name, ctx.queryParam(name), min, max, otherwise);
    }
}
