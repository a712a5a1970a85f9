package io.silo.common.rpc.regionorganization;

/** An organization as its region holds it, with the row version its mapping messages carry. */
public record RpcRegionOrganization(long id, String slug, String name, String status, long version) {
}
