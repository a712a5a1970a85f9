package io.silo.common.web;

/**
 * A position in a list ordered by a descending sort key and then by descending id (the key of a list ordered
 * by id alone is the id), in Sentry's cursor form {@code value:offset:is_prev}. The value is the id when the
 * key is the id ({@code 123:0:0}) and {@code key_id} otherwise ({@code 1700000000000000_123:0:0}), so a
 * keyset page stays stable while rows share a key. {@code :0} asks for the rows after the position (older,
 * smaller), {@code :1} for the rows before it (newer, larger). The empty cursor is the start of the list.
 */
public record Cursor(long key, long id, boolean backwards) {

    private static final Cursor START = new Cursor(Long.MAX_VALUE, Long.MAX_VALUE, false);

    public static Cursor start() {
        return START;
    }

    public static Cursor after(long id) {
        return new Cursor(id, id, false);
    }

    public static Cursor before(long id) {
        return new Cursor(id, id, true);
    }

    /** The rows after (smaller than) {@code (key, id)}. */
    public static Cursor after(long key, long id) {
        return new Cursor(key, id, false);
    }

    /** The rows before (larger than) {@code (key, id)}. */
    public static Cursor before(long key, long id) {
        return new Cursor(key, id, true);
    }

    public boolean isStart() {
        return !backwards && key == Long.MAX_VALUE && id == Long.MAX_VALUE;
    }

    public String value() {
        return (key == id ? String.valueOf(id) : key + "_" + id) + ":0:" + (backwards ? 1 : 0);
    }

    /** The client's {@code cursor} query parameter; absent or empty means the start. */
    public static Cursor parse(String value) {
        if (value == null || value.isBlank()) {
            return START;
        }
        String[] parts = value.split(":");
        try {
            if (parts.length != 3 || !parts[1].equals("0") || !(parts[2].equals("0") || parts[2].equals("1"))) {
                throw new NumberFormatException();
            }
            boolean backwards = parts[2].equals("1");
            String[] position = parts[0].split("_", -1);
            if (position.length == 1) {
                long id = Long.parseLong(position[0]);
                return new Cursor(id, id, backwards);
            }
            if (position.length != 2) {
                throw new NumberFormatException();
            }
            return new Cursor(Long.parseLong(position[0]), Long.parseLong(position[1]), backwards);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("cursor", "not a cursor this list gave out");
        }
    }

    /** The {@code per_page} query parameter, 1..100, default 100, as Sentry's lists. */
    public static int limit(String perPage) {
        if (perPage == null || perPage.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(perPage.strip());
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidField("per_page", "must be a whole number between 1 and 100");
    }
}
