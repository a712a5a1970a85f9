package io.silo.control.integration.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * {@code POST /api/0/integrations/}: which organization installs which provider installation (GitHub
 * installation id, Slack team id, Jira site), its display name, and optional string metadata and config.
 */
public class InstallIntegrationRequest {

    @NotNull
    @Size(min = 1, max = 50)
    public String organization;

    @NotNull
    @Pattern(regexp = "github|slack|jira", message = "must be one of github, slack, jira")
    public String provider;

    @NotNull
    @Size(min = 1, max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String externalId;

    @NotNull
    @Size(min = 1, max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String name;

    @Size(max = 50)
    public Map<String, String> metadata;

    @Size(max = 50)
    public Map<String, String> config;
}
