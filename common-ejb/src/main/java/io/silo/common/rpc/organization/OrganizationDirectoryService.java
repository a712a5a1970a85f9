package io.silo.common.rpc.organization;

import io.silo.common.rpc.Idempotent;
import io.silo.common.rpc.RpcService;
import io.silo.common.silo.ControlSilo;
import java.util.List;
import java.util.Optional;

/**
 * Control's organization directory: which region holds an organization, by id or slug, and a user's
 * organizations across every region (the organization picker). Regions keep it current through the outbox.
 */
@RpcService("organization-directory")
@ControlSilo
public interface OrganizationDirectoryService {

    @Idempotent
    Optional<RpcOrganizationMapping> findById(long organizationId);

    /** Slugs are compared lower-cased. */
    @Idempotent
    Optional<RpcOrganizationMapping> findBySlug(String slug);

    /** The organizations the user is a current member of, in every region, by slug. */
    @Idempotent
    List<RpcOrganizationMapping> listForUser(long userId);
}
