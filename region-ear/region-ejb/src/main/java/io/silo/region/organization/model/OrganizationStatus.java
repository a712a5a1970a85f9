package io.silo.region.organization.model;

/** Where an organization is in its life; control's directory mirrors it. */
public enum OrganizationStatus {
    ACTIVE,
    PENDING_DELETION,
    DELETION_IN_PROGRESS
}
