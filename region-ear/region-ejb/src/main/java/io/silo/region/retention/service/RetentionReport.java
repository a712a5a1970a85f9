package io.silo.region.retention.service;

/** What one retention run deleted on this instance. */
public record RetentionReport(long eventsDeleted, long issuesDeleted) {
}
