package io.silo.region.replication.service;

import io.silo.common.outbox.payload.OrganizationMappingReplica;
import io.silo.common.outbox.payload.OrganizationMemberReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.outbox.payload.ProjectKeyMappingReplica;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.silo.RegionSilo;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * What this region tells control's directory, queued in the region's outbox inside the caller's business
 * transaction (so the change and its message commit together). Every message of an organization goes in
 * that organization's shard, so control applies them in the order they were written. The region's
 * organization, membership and project key services call these after flushing their change, with the
 * version it committed with.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ControlDirectoryOutbox {

    @EJB
    OutboxWriter outbox;

    /** An organization was created, renamed, changed its slug or status. */
    public void organizationChanged(OrganizationMappingReplica organization) {
        outbox.toControl(OutboxCategory.ORGANIZATION_MAPPING, organization.id(), organization.id(), organization);
    }

    /** A membership was added, changed its role, or was removed ({@code removed}: the tombstone). */
    public void membershipChanged(OrganizationMemberReplica member) {
        outbox.toControl(OutboxCategory.ORGANIZATION_MEMBER_MAPPING, member.organizationId(), member.id(), member);
    }

    /** A project key (DSN) was created, moved or removed. */
    public void projectKeyChanged(ProjectKeyMappingReplica key) {
        outbox.toControl(OutboxCategory.PROJECT_KEY_MAPPING, key.organizationId(), key.id(), key);
    }

    /** Something auditable happened in one of this region's organizations. */
    public void audited(RegionAuditEntry entry) {
        outbox.toControl(OutboxCategory.AUDIT_ENTRY, entry.organizationId(), entry.id(), entry);
    }
}
