package io.silo.control.organization.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an organization stands in control's directory: PROVISIONING from the slug's reservation until its
 * region reports it created, then ACTIVE; the deletion states as in Sentry.
 */
public enum OrganizationStatus {
    PROVISIONING, ACTIVE, PENDING_DELETION, DELETION_IN_PROGRESS;

    public static Optional<OrganizationStatus> parse(String name) {
        return Arrays.stream(values()).filter(status -> status.name().equals(name)).findFirst();
    }
}
