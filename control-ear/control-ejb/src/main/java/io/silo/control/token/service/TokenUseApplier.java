package io.silo.control.token.service;

import io.silo.common.outbox.payload.ApiTokenUse;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxMessage;
import io.silo.common.outbox.OutboxMessageHandler;
import io.silo.common.silo.ControlSilo;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

/**
 * Records a region's use of a token as the token's last use, unless a later one is recorded already: a use
 * reported late, twice or by two regions never moves the last use back. The token's version is not touched, so
 * its replicas stay as they are.
 */
@Stateless
@ControlSilo
public class TokenUseApplier implements OutboxMessageHandler {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Override
    public Set<OutboxCategory> categories() {
        return EnumSet.of(OutboxCategory.API_TOKEN_USE);
    }

    @Override
    public boolean apply(OutboxMessage message) {
        ApiTokenUse use = message.payloadAs(ApiTokenUse.class);
        return entityManager.createNativeQuery("""
                UPDATE control.api_tokens SET last_used_at = ?1
                WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?1)
                """)
                .setParameter(1, OffsetDateTime.ofInstant(use.usedAt(), ZoneOffset.UTC))
                .setParameter(2, use.tokenId())
                .executeUpdate() > 0;
    }
}
