package io.silo.region.issue.service;

import java.time.Instant;

/** One activity of an issue: its kind ({@code linked}, {@code jira.issue_updated}, …) and data as JSON text. */
public record IssueActivityRow(long id, long issueId, String kind, String data, Instant createdAt) {
}
