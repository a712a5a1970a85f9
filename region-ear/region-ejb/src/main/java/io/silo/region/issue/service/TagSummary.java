package io.silo.region.issue.service;

import java.time.Instant;
import java.util.List;

/** One tag key of an issue's events: how many events carry it, how many distinct values, and the top values. */
public record TagSummary(String key, long totalValues, int uniqueValues, List<Value> topValues) {

    /** One value of the tag and the events that carried it. */
    public record Value(String value, long count, Instant firstSeen, Instant lastSeen) {
    }
}
