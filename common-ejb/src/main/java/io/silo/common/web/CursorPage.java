package io.silo.common.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list in a stable order (descending sort key, then descending id), answered with Sentry's {@code Link} header:
 * {@code <url>; rel="previous"; results="false"; cursor="…", <url>; rel="next"; results="true"; cursor="…"}.
 *
 * <p>Build it from {@code limit + 1} rows fetched past the request's {@link Cursor}: the extra row only
 * tells whether there is a further page.
 */
public record CursorPage<T>(List<T> items, Cursor previous, boolean hasPrevious, Cursor next, boolean hasNext) {

    public static <T> CursorPage<T> of(Cursor requested, int limit, List<T> fetched, ToLongFunction<T> id) {
        return of(requested, limit, fetched, id, id);
    }

    /** As {@link #of(Cursor, int, List, ToLongFunction)} for a list ordered by {@code key}, then by {@code id}. */
    public static <T> CursorPage<T> of(Cursor requested, int limit, List<T> fetched, ToLongFunction<T> key,
                                       ToLongFunction<T> id) {
        List<T> rows = new ArrayList<>(fetched);
        boolean more = rows.size() > limit;
        if (more) {
            rows = rows.subList(0, limit);
        }
        if (requested.backwards()) {
            Collections.reverse(rows);
        }
        Cursor previous = rows.isEmpty() ? Cursor.before(requested.key(), requested.id())
                : Cursor.before(key.applyAsLong(rows.get(0)), id.applyAsLong(rows.get(0)));
        T lastRow = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        Cursor next = lastRow == null ? Cursor.after(requested.key(), requested.id())
                : Cursor.after(key.applyAsLong(lastRow), id.applyAsLong(lastRow));
        boolean hasNext = requested.backwards() ? !requested.isStart() : more;
        boolean hasPrevious = requested.backwards() ? more : !requested.isStart();
        return new CursorPage<>(List.copyOf(rows), previous, hasPrevious, next, hasNext);
    }

    /** The same page with each item turned into what the API shows. */
    public <R> CursorPage<R> map(Function<T, R> view) {
        return new CursorPage<>(items.stream().map(view).toList(), previous, hasPrevious, next, hasNext);
    }

    public Response.ResponseBuilder toResponse(UriInfo uri) {
        String link = link(uri, previous, "previous", hasPrevious) + ", " + link(uri, next, "next", hasNext);
        return Response.ok(items).header("Link", link);
    }

    private static String link(UriInfo uri, Cursor cursor, String rel, boolean results) {
        String url = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor.value()).build().toString();
        return "<" + url + ">; rel=\"" + rel + "\"; results=\"" + results + "\"; cursor=\"" + cursor.value() + "\"";
    }
}
