package io.silo.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class CursorPageTest {

    /** Ids 1..7, as a database answers the page query of a cursor (limit + 1 rows). */
    private static List<Long> fetch(Cursor cursor, int limit) {
        List<Long> rows = new ArrayList<>(LongStream.rangeClosed(1, 7).boxed().toList());
        return cursor.backwards()
                ? rows.stream().filter(id -> id > cursor.id()).sorted().limit(limit + 1).toList()
                : rows.stream().filter(id -> id < cursor.id()).sorted(Comparator.reverseOrder()).limit(limit + 1).toList();
    }

    private static CursorPage<Long> page(Cursor cursor) {
        return CursorPage.of(cursor, 3, fetch(cursor, 3), id -> id);
    }

    @Test
    void pagesForwardAndBackInAStableOrder() {
        CursorPage<Long> first = page(Cursor.start());
        assertEquals(List.of(7L, 6L, 5L), first.items());
        assertFalse(first.hasPrevious());
        assertTrue(first.hasNext());

        CursorPage<Long> second = page(Cursor.parse(first.next().value()));
        assertEquals(List.of(4L, 3L, 2L), second.items());
        assertTrue(second.hasPrevious());
        assertTrue(second.hasNext());

        CursorPage<Long> last = page(second.next());
        assertEquals(List.of(1L), last.items());
        assertFalse(last.hasNext());

        CursorPage<Long> back = page(Cursor.parse(second.previous().value()));
        assertEquals(List.of(7L, 6L, 5L), back.items());
        assertFalse(back.hasPrevious());
        assertTrue(back.hasNext());
    }

    @Test
    void cursorsAreSentrysValueOffsetIsPrev() {
        assertEquals("42:0:0", Cursor.after(42).value());
        assertEquals("42:0:1", Cursor.before(42).value());
        assertEquals(Cursor.before(42), Cursor.parse("42:0:1"));
        assertTrue(Cursor.parse(null).isStart());
        assertTrue(Cursor.parse("").isStart());
        for (String bad : List.of("x", "1:2:0", "1:0:2", "';DROP", "9999999999999999999999:0:0")) {
            assertEquals(400, assertThrows(ApiException.class, () -> Cursor.parse(bad)).problem().status(), bad);
        }
    }

    @Test
    void perPageIsOneToAHundred() {
        assertEquals(100, Cursor.limit(null));
        assertEquals(5, Cursor.limit("5"));
        for (String bad : List.of("0", "101", "-1", "ten", "1e3")) {
            assertEquals("per_page", assertThrows(ApiException.class, () -> Cursor.limit(bad)).problem().errors().get(0).field());
        }
    }

    /** Rows (key, id) where keys repeat, as a database answers {@code (key, id) < (?, ?) ORDER BY key DESC, id DESC}. */
    private static List<long[]> fetchKeyed(Cursor cursor, int limit) {
        List<long[]> rows = List.of(new long[] {30, 1}, new long[] {20, 7}, new long[] {20, 5}, new long[] {20, 2},
                new long[] {10, 9}, new long[] {10, 3});
        Comparator<long[]> order = Comparator.<long[]>comparingLong(row -> row[0]).thenComparingLong(row -> row[1]);
        long[] at = {cursor.key(), cursor.id()};
        return cursor.backwards()
                ? rows.stream().filter(row -> order.compare(row, at) > 0).sorted(order).limit(limit + 1).toList()
                : rows.stream().filter(row -> order.compare(row, at) < 0).sorted(order.reversed()).limit(limit + 1).toList();
    }

    private static List<Long> ids(CursorPage<long[]> page) {
        return page.items().stream().map(row -> row[1]).toList();
    }

    @Test
    void aKeyedListPagesThroughRowsThatShareAKeyWithoutSkippingOrRepeating() {
        CursorPage<long[]> first = CursorPage.of(Cursor.start(), 2, fetchKeyed(Cursor.start(), 2), row -> row[0], row -> row[1]);
        assertEquals(List.of(1L, 7L), ids(first));
        assertEquals("20_7:0:0", first.next().value());

        Cursor secondCursor = Cursor.parse(first.next().value());
        CursorPage<long[]> second = CursorPage.of(secondCursor, 2, fetchKeyed(secondCursor, 2), row -> row[0], row -> row[1]);
        assertEquals(List.of(5L, 2L), ids(second));
        assertTrue(second.hasNext());

        CursorPage<long[]> third = CursorPage.of(second.next(), 2, fetchKeyed(second.next(), 2), row -> row[0], row -> row[1]);
        assertEquals(List.of(9L, 3L), ids(third));
        assertFalse(third.hasNext());

        Cursor backCursor = Cursor.parse(third.previous().value());
        CursorPage<long[]> back = CursorPage.of(backCursor, 2, fetchKeyed(backCursor, 2), row -> row[0], row -> row[1]);
        assertEquals(List.of(5L, 2L), ids(back));
        assertTrue(back.hasPrevious());
    }

    @Test
    void keyedCursorsKeepBothPartsAndRefuseMalformedOnes() {
        assertEquals(new Cursor(1700000000000000L, 42, false), Cursor.parse("1700000000000000_42:0:0"));
        assertEquals("42:0:1", Cursor.before(42, 42).value());
        for (String bad : List.of("1_:0:0", "_1:0:0", "1_2_3:0:0", "a_1:0:0")) {
            assertEquals(400, assertThrows(ApiException.class, () -> Cursor.parse(bad)).problem().status(), bad);
        }
    }
}
