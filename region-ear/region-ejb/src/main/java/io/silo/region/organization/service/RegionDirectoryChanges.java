package io.silo.region.organization.service;

import io.silo.common.auth.CurrentRequest;
import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.payload.OrganizationMappingReplica;
import io.silo.common.outbox.payload.OrganizationMemberReplica;
import io.silo.common.outbox.payload.ProjectKeyMappingReplica;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.model.Organization;
import io.silo.region.projectkey.model.ProjectKey;
import io.silo.region.replication.service.ControlDirectoryOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Turns a changed organization, membership or project key into the message control's directory needs, in the
 * caller's transaction. It flushes first, so the message carries the version this change commits with.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RegionDirectoryChanges {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    ControlDirectoryOutbox outbox;

    @EJB
    IdGenerator ids;

    @Inject
    SiloIdentity silo;

    @Inject
    CurrentRequest current;

    public void organizationChanged(Organization organization) {
        entityManager.flush();
        outbox.organizationChanged(new OrganizationMappingReplica(organization.id(), organization.slug(),
                organization.name(), region(), organization.status().name(), organization.version()));
    }

    /**
     * A membership changed ({@code removed}: it was deleted). A pending invitation has no account yet, so control
     * hears of it only once it is accepted.
     */
    public void memberChanged(OrganizationMember member, boolean removed) {
        if (member.userId().isEmpty()) {
            return;
        }
        entityManager.flush();
        outbox.membershipChanged(new OrganizationMemberReplica(member.id(), member.organizationId(),
                member.userId().get(), member.role().value(), removed, member.version() + (removed ? 1 : 0)));
    }

    /** A key was created or changed ({@code removed}: deleted). */
    public void projectKeyChanged(ProjectKey key, boolean removed) {
        entityManager.flush();
        outbox.projectKeyChanged(new ProjectKeyMappingReplica(key.id(), key.publicKey(), key.projectId(),
                key.organizationId(), region(), removed, key.version() + (removed ? 1 : 0)));
    }

    /**
     * Something auditable happened in the caller's organization ({@code member.added} …), done by the caller to
     * {@code targetUserId} (null: to no account); control's audit index learns it.
     */
    public void audited(OrganizationContext context, String event, Long targetUserId, String detail) {
        outbox.audited(new RegionAuditEntry(ids.nextId(), region(), context.organizationId(),
                context.actorUserId().orElse(null), targetUserId, event, current.clientAddress(), detail, Instant.now()));
    }

    private String region() {
        return silo.region().orElseThrow(() -> new IllegalStateException("silo.region is not set on this server"));
    }
}
