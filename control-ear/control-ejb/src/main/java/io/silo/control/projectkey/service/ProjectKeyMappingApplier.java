package io.silo.control.projectkey.service;

import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.outbox.payload.ProjectKeyMappingReplica;
import io.silo.common.silo.ControlSilo;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Applies the regions' project keys to control's public key → region mapping: an upsert that only a newer
 * version wins; a removed key stays as a tombstone with its version.
 */
@Stateless
@ControlSilo
public class ProjectKeyMappingApplier implements OutboxMessageHandler {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.PROJECT_KEY_MAPPING);
    }

    @Override
    public boolean apply(OutboxMessage message) {
        ProjectKeyMappingReplica key = message.payloadAs(ProjectKeyMappingReplica.class);
        return entityManager.createNativeQuery("""
                INSERT INTO control.project_key_mapping (id, public_key, project_id, organization_id, region, is_removed, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (id) DO UPDATE SET project_id = excluded.project_id, organization_id = excluded.organization_id,
                    region = excluded.region, is_removed = excluded.is_removed, version = excluded.version,
                    replicated_at = now()
                WHERE project_key_mapping.version < excluded.version
                """)
                .setParameter(1, key.id())
                .setParameter(2, key.publicKey())
                .setParameter(3, key.projectId())
                .setParameter(4, key.organizationId())
                .setParameter(5, key.region())
                .setParameter(6, key.removed())
                .setParameter(7, key.version())
                .executeUpdate() > 0;
    }
}
