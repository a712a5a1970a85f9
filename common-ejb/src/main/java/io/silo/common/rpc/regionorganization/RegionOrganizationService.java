package io.silo.common.rpc.regionorganization;

import io.silo.common.rpc.Idempotent;
import io.silo.common.rpc.RpcService;
import io.silo.common.silo.RegionSilo;
import java.util.Optional;

/**
 * A region's organizations as control needs to see them while creating one: whether the region can take a new
 * organization now (asked before a slug is claimed, so a region that is down gets a clear 503 and no claim),
 * and what the region holds of one (asked when a claim's lease expired before the region's answer arrived).
 */
@RpcService("region-organizations")
@RegionSilo
public interface RegionOrganizationService {

    /** The region is up and accepts new organizations. */
    @Idempotent
    boolean acceptsNewOrganizations();

    @Idempotent
    Optional<RpcRegionOrganization> find(long organizationId);
}
