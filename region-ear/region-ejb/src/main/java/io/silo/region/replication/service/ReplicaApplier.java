package io.silo.region.replication.service;

import io.silo.common.outbox.payload.ApiTokenReplica;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.outbox.payload.UserReplica;
import io.silo.common.silo.RegionSilo;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.service.RegionDirectoryChanges;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Applies control's user and token replicas to this region (a closed account also loses its memberships here). Each is an upsert that only a newer version
 * wins, in one statement: a replayed, duplicated or overtaken message changes nothing.
 */
@Stateless
@RegionSilo
public class ReplicaApplier implements OutboxMessageHandler {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    RegionDirectoryChanges directory;

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.USER_REPLICA, OutboxCategory.API_TOKEN_REPLICA,
                OutboxCategory.ORGANIZATION_TOKEN_REPLICA);
    }

    @Override
    public boolean apply(OutboxMessage message) {
        return switch (message.category()) {
            case USER_REPLICA -> {
                UserReplica user = message.payloadAs(UserReplica.class);
                boolean changed = applyUser(user);
                if (changed && !user.active()) {
                    removeMemberships(user.id());
                }
                yield changed;
            }
            case API_TOKEN_REPLICA, ORGANIZATION_TOKEN_REPLICA -> applyToken(message.payloadAs(ApiTokenReplica.class));
            default -> throw new IllegalArgumentException("ReplicaApplier does not apply " + message.category());
        };
    }

    /**
     * A closed account leaves every organization of this region: its memberships are removed (with their teams)
     * and their tombstones sent to control, in this transaction, so control's picker and permissions follow.
     */
    private void removeMemberships(long userId) {
        List<OrganizationMember> memberships = entityManager.createQuery(
                        "SELECT m FROM OrganizationMember m WHERE m.userId = :userId", OrganizationMember.class)
                .setParameter("userId", userId)
                .getResultList();
        for (OrganizationMember member : memberships) {
            directory.memberChanged(member, true);
            entityManager.remove(member);
        }
    }

    /** @return whether the row was inserted or updated (not when the region already had this version or newer) */
    private boolean applyUser(UserReplica user) {
        return entityManager.createNativeQuery("""
                INSERT INTO region.user_replica (id, email, name, is_active, version) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name,
                    is_active = excluded.is_active, version = excluded.version, replicated_at = now()
                WHERE user_replica.version < excluded.version
                """)
                .setParameter(1, user.id())
                .setParameter(2, user.email())
                .setParameter(3, user.name())
                .setParameter(4, user.active())
                .setParameter(5, user.version())
                .executeUpdate() > 0;
    }

    /** Nullable parameters are cast: EclipseLink binds a null as text, which PostgreSQL refuses for timestamptz or bigint. */
    private boolean applyToken(ApiTokenReplica token) {
        return entityManager.createNativeQuery("""
                INSERT INTO region.api_token_replica (id, user_id, organization_id, token_hash, scopes, expires_at,
                    is_revoked, version)
                VALUES (?1, CAST(?2 AS bigint), CAST(?8 AS bigint), ?3, ?4, CAST(?5 AS timestamptz), ?6, ?7)
                ON CONFLICT (id) DO UPDATE SET scopes = excluded.scopes, expires_at = excluded.expires_at,
                    is_revoked = excluded.is_revoked, version = excluded.version, replicated_at = now()
                WHERE api_token_replica.version < excluded.version
                """)
                .setParameter(1, token.id())
                .setParameter(2, token.userId())
                .setParameter(3, token.tokenHash())
                .setParameter(4, token.scopes())
                .setParameter(5, token.expiresAt() == null ? null : OffsetDateTime.ofInstant(token.expiresAt(), ZoneOffset.UTC))
                .setParameter(6, token.revoked())
                .setParameter(7, token.version())
                .setParameter(8, token.organizationId())
                .executeUpdate() > 0;
    }
}
