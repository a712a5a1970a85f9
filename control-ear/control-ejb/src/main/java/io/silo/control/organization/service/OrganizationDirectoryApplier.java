package io.silo.control.organization.service;

import io.silo.common.outbox.payload.OrganizationMappingReplica;
import io.silo.common.outbox.payload.OrganizationMemberReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.outbox.UnappliableMessageException;
import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.model.OrganizationStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the regions' organizations and memberships to control's directory. Each is an upsert that only a
 * newer version wins, so a replayed, duplicated or overtaken message changes nothing; a removed membership
 * stays as a tombstone with its version, so an older copy arriving later cannot bring it back. Its no-interface
 * view lets organization reconciliation apply a mapping it read from the region the same way.
 */
@Stateless
@Local(OutboxMessageHandler.class)
@LocalBean
@ControlSilo
public class OrganizationDirectoryApplier implements OutboxMessageHandler {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @EJB
    SlugClaims claims;

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.ORGANIZATION_MAPPING, OutboxCategory.ORGANIZATION_MEMBER_MAPPING);
    }

    @Override
    public boolean apply(OutboxMessage message) {
        return switch (message.category()) {
            case ORGANIZATION_MAPPING -> {
                OrganizationMappingReplica organization = message.payloadAs(OrganizationMappingReplica.class);
                yield !isCancelled(organization.id()) && applyOrganization(organization);
            }
            case ORGANIZATION_MEMBER_MAPPING -> {
                OrganizationMemberReplica member = message.payloadAs(OrganizationMemberReplica.class);
                yield !isCancelled(member.organizationId()) && applyMember(member);
            }
            default -> throw new IllegalArgumentException("OrganizationDirectoryApplier does not apply " + message.category());
        };
    }

    /**
     * A slug held by another organization cannot be taken over: control reserves slugs, so such a message is a
     * conflict for an operator (parked in the dead-letter queue, replayable once the other slug has moved).
     */
    public boolean applyOrganization(OrganizationMappingReplica organization) {
        OrganizationStatus status = OrganizationStatus.parse(organization.status()).orElseThrow(() ->
                new UnappliableMessageException("organization " + organization.id() + " has an unknown status '"
                        + organization.status() + "'"));
        OrganizationMapping current = entityManager.find(OrganizationMapping.class, organization.id());
        if (current != null && current.version() >= organization.version()) {
            return false;
        }
        Optional<OrganizationMapping> holder = entityManager.createNamedQuery(OrganizationMapping.BY_SLUG, OrganizationMapping.class)
                .setParameter("slug", organization.slug())
                .getResultStream().filter(other -> other.id() != organization.id()).findFirst();
        if (holder.isPresent()) {
            throw new UnappliableMessageException("slug '" + organization.slug() + "' of organization " + organization.id()
                    + " (region " + organization.region() + ") is held by organization " + holder.get().id()
                    + " (region " + holder.get().region() + ")");
        }
        return entityManager.createNativeQuery("""
                INSERT INTO control.organization_mapping (id, slug, name, region, status, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, region = excluded.region,
                    status = excluded.status, version = excluded.version, replicated_at = now()
                WHERE organization_mapping.version < excluded.version
                """)
                .setParameter(1, organization.id())
                .setParameter(2, organization.slug())
                .setParameter(3, organization.name())
                .setParameter(4, organization.region())
                .setParameter(5, status.name())
                .setParameter(6, organization.version())
                .executeUpdate() > 0 && confirmSlug(organization, status);
    }

    /**
     * The region has the organization: its slug's claim is confirmed (the lease ends), or claimed now for an
     * organization control did not create itself. Always true: the mapping changed.
     */
    private boolean confirmSlug(OrganizationMappingReplica organization, OrganizationStatus status) {
        if (status == OrganizationStatus.ACTIVE) {
            claims.claimPrimary(organization.slug(), organization.id(), organization.region());
        }
        return true;
    }

    /** Whether control gave up creating this organization: what its region still sends about it is ignored. */
    private boolean isCancelled(long organizationId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM control.cancelled_organization WHERE organization_id = ?1")
                .setParameter(1, organizationId).getResultList().isEmpty();
    }

    private boolean applyMember(OrganizationMemberReplica member) {
        return entityManager.createNativeQuery("""
                INSERT INTO control.organization_member_mapping (id, organization_id, user_id, role, is_removed, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (id) DO UPDATE SET role = excluded.role, is_removed = excluded.is_removed,
                    version = excluded.version, replicated_at = now()
                WHERE organization_member_mapping.version < excluded.version
                """)
                .setParameter(1, member.id())
                .setParameter(2, member.organizationId())
                .setParameter(3, member.userId())
                .setParameter(4, member.role())
                .setParameter(5, member.removed())
                .setParameter(6, member.version())
                .executeUpdate() > 0;
    }
}
