package io.silo.common.rpc.organization;

/**
 * An organization as control's directory knows it.
 *
 * @param status PROVISIONING, ACTIVE, … as the region reported it
 */
public record RpcOrganizationMapping(long id, String slug, String name, String region, String status) {
}
