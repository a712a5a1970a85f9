package io.silo.control.audit.service;

import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.outbox.UnappliableMessageException;
import io.silo.common.silo.ControlSilo;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * Adds the regions' audit entries to control's audit index (the {@code audit_log} table, with their region and
 * organization). Entries never change: the first copy of an id stays, repeats change nothing. The entry
 * shows in the audit log of the account it was done to, or else of its actor.
 */
@Stateless
@ControlSilo
public class RegionAuditApplier implements OutboxMessageHandler {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.AUDIT_ENTRY);
    }

    /** {@code actor_token_id} stays empty: the region's entry names its actor only. Nullable ids are cast for PostgreSQL. */
    @Override
    public boolean apply(OutboxMessage message) {
        RegionAuditEntry entry = message.payloadAs(RegionAuditEntry.class);
        if (entry.event() == null || entry.event().isBlank() || entry.createdAt() == null || entry.region() == null) {
            throw new UnappliableMessageException("audit entry " + entry.id() + " lacks its event, region or time");
        }
        Long concerned = entry.targetUserId() != null ? entry.targetUserId() : entry.actorUserId();
        return entityManager.createNativeQuery("""
                INSERT INTO control.audit_log (id, user_id, actor_user_id, event, ip_address, detail, created_at,
                    region, organization_id)
                VALUES (?1, CAST(?2 AS bigint), CAST(?3 AS bigint), ?4, CAST(?5 AS text), CAST(?6 AS text), ?7, ?8, ?9)
                ON CONFLICT (id) DO NOTHING
                """)
                .setParameter(1, entry.id())
                .setParameter(2, concerned)
                .setParameter(3, entry.actorUserId())
                .setParameter(4, entry.event())
                .setParameter(5, entry.ipAddress())
                .setParameter(6, entry.detail())
                .setParameter(7, OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC))
                .setParameter(8, entry.region())
                .setParameter(9, entry.organizationId())
                .executeUpdate() > 0;
    }
}
