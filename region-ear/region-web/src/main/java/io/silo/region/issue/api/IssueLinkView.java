package io.silo.region.issue.api;

import io.silo.region.issue.service.IssueLinkRow;
import java.time.Instant;

/** An issue's link to an integrated tool's item, as the API shows it (ids as strings). */
public record IssueLinkView(String id, String issueId, String integrationId, String provider, String key,
                            String createdBy, Instant dateCreated) {

    public static IssueLinkView of(IssueLinkRow link) {
        return new IssueLinkView(String.valueOf(link.id()), String.valueOf(link.issueId()),
                String.valueOf(link.integrationId()), link.provider(), link.key(),
                link.createdBy() == null ? null : String.valueOf(link.createdBy()), link.createdAt());
    }
}
