package io.silo.region.issue.service;

import java.time.Instant;

/** An issue's link to an item of an installed integration (a Jira issue, a GitHub issue, a Slack message). */
public record IssueLinkRow(long id, long issueId, long integrationId, String provider, String key, Long createdBy,
                           Instant createdAt) {
}
