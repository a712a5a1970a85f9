package io.silo.control.gateway.service;

import io.silo.control.organization.model.OrganizationStatus;

/**
 * Where the gateway sends an organization's requests: its region, whether the region has created it yet, and
 * its slug now — which differs from the slug asked for when that was an old slug kept as an alias after a rename.
 */
public record OrganizationRoute(String region, OrganizationStatus status, String slug) {

    public boolean isAlias(String requestedSlug) {
        return !slug.equals(requestedSlug);
    }
}
