package io.silo.region.issue.service;

import io.silo.common.web.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of Sentry's issue lists ({@code sort}), each newest or largest first and then by descending id:
 * {@code date} by last seen (the default), {@code new} by first seen, {@code freq} by events, {@code user} by
 * users affected.
 */
public enum IssueSort {
    DATE("date", "i.last_seen", true),
    NEW("new", "i.first_seen", true),
    FREQ("freq", "i.times_seen", false),
    USER("user", "i.user_count", false);

    private final String value;
    private final String column;
    private final boolean timestamp;

    IssueSort(String value, String column, boolean timestamp) {
        this.value = value;
        this.column = column;
        this.timestamp = timestamp;
    }

    public String value() {
        return value;
    }

    /** The issue column ordered by (of the query's alias {@code i}). */
    String column() {
        return column;
    }

    /** Whether the column is a timestamp, whose cursor key is microseconds since the epoch. */
    boolean isTimestamp() {
        return timestamp;
    }

    /** The cursor key of an issue in this order. */
    public long keyOf(IssueRow issue) {
        return switch (this) {
            case DATE -> IssueRow.micros(issue.lastSeen());
            case NEW -> IssueRow.micros(issue.firstSeen());
            case FREQ -> issue.timesSeen();
            case USER -> issue.userCount();
        };
    }

    /** The {@code sort} query parameter; absent or empty: {@link #DATE}. */
    public static IssueSort parse(String value) {
        if (value == null || value.isBlank()) {
            return DATE;
        }
        return Arrays.stream(values()).filter(sort -> sort.value.equals(value.strip())).findFirst()
                .orElseThrow(() -> ApiException.invalidField("sort", "must be one of "
                        + Arrays.stream(values()).map(IssueSort::value).collect(Collectors.joining(", "))));
    }
}
