package io.silo.common.rpc.organization;

import io.silo.common.rpc.Idempotent;
import io.silo.common.rpc.RpcService;
import io.silo.common.silo.ControlSilo;

/**
 * Organization slugs are unique across every region, so only control changes them: a region asks before it
 * renames an organization. Renaming to the slug the organization already has changes nothing (idempotent).
 */
@RpcService("organization-slugs")
@ControlSilo
public interface OrganizationSlugService {

    /**
     * Claims {@code newSlug} for the organization and keeps its current slug as a redirecting alias for a while
     * ({@code silo.organizations.slug-alias-lifetime}).
     *
     * @throws SlugUnavailableException the slug is invalid, reserved or held by another organization
     */
    @Idempotent
    RpcSlugChange rename(long organizationId, String newSlug);
}
