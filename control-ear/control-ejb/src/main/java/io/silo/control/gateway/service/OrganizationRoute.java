package io.silo.control.gateway.service;

import io.silo.control.organization.model.OrganizationStatus;

/** Where the gateway sends an organization's requests: its region, and whether the region has created it yet. */
public record OrganizationRoute(String region, OrganizationStatus status) {
}
