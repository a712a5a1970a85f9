package io.silo.common.web;

/**
 * A position in a list ordered by descending id, in Sentry's cursor form {@code value:offset:is_prev}:
 * {@code 123:0:0} asks for the rows after id 123 (older), {@code 123:0:1} for the rows before it (newer).
 * The empty cursor is the start of the list.
 */
public record Cursor(long id, boolean backwards) {

    private static final Cursor START = new Cursor(Long.MAX_VALUE, false);

    public static Cursor start() {
        return START;
    }

    public static Cursor after(long id) {
        return new Cursor(id, false);
    }

    public static Cursor before(long id) {
        return new Cursor(id, true);
    }

    public boolean isStart() {
        return !backwards && id == Long.MAX_VALUE;
    }

    public String value() {
        return id + ":0:" + (backwards ? 1 : 0);
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
            return new Cursor(Long.parseLong(parts[0]), parts[2].equals("1"));
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
