package io.silo.control.integration.model;

import java.util.Arrays;
import java.util.Optional;

/** Whether an organization's installation of an integration receives webhooks (only ACTIVE does). */
public enum OrganizationIntegrationStatus {
    ACTIVE("active"),
    DISABLED("disabled"),
    UNINSTALLED("uninstalled");

    private final String value;

    OrganizationIntegrationStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<OrganizationIntegrationStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst();
    }
}
