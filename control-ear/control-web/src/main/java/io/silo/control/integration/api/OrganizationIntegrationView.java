package io.silo.control.integration.api;

import io.silo.control.integration.service.IntegrationInstallations.Installed;
import java.time.OffsetDateTime;

/** An organization's installed integration, as the integrations API shows it (ids as strings, no credentials). */
public record OrganizationIntegrationView(String id, String organizationId, String integrationId, String provider,
                                          String externalId, String name, String status, OffsetDateTime dateCreated) {

    public static OrganizationIntegrationView of(Installed installed) {
        return new OrganizationIntegrationView(String.valueOf(installed.installation().id()),
                String.valueOf(installed.installation().organizationId()), String.valueOf(installed.integration().id()),
                installed.integration().provider().value(), installed.integration().externalId(),
                installed.integration().name(), installed.installation().status().value(),
                installed.installation().createdAt());
    }
}
