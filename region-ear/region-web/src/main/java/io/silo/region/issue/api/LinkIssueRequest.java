package io.silo.region.issue.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST …/issues/{issue_id}/external-issues/}: the installed integration (its id as the integrations API
 * shows it, {@code integrationId}) and the item's key in that tool.
 */
public class LinkIssueRequest {

    @NotNull
    @Pattern(regexp = "[0-9]{1,19}", message = "must be the id of an installed integration")
    public String integrationId;

    @NotNull
    @Size(min = 1, max = 200)
    public String key;
}
