package io.silo.control.integration.model;

import java.util.Arrays;
import java.util.Optional;

/** The third-party services Silo integrates with, by the wire name the API, webhooks and the migration use. */
public enum IntegrationProvider {
    GITHUB("github"),
    SLACK("slack"),
    JIRA("jira");

    private final String value;

    IntegrationProvider(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<IntegrationProvider> fromValue(String value) {
        return Arrays.stream(values()).filter(provider -> provider.value.equals(value)).findFirst();
    }
}
