package io.silo.region.auth.service;

import io.silo.common.auth.TokenLastUse;
import io.silo.common.outbox.payload.ApiTokenUse;
import io.silo.common.outbox.OutboxCategory;
import io.silo.common.outbox.OutboxWriter;
import io.silo.common.silo.RegionSilo;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * Records that this region authenticated a token, to the minute ({@link TokenLastUse}), and reports it to control
 * through the outbox in the same transaction: one write a minute per token, not one per request, so control's token
 * lists show the last use in every region.
 */
@Stateless
@RegionSilo
public class TokenUses {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    OutboxWriter outbox;

    /** Records the use unless another request recorded one within the minute already (that one wins). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(long tokenId, OffsetDateTime now) {
        int recorded = entityManager.createNativeQuery("""
                UPDATE region.api_token_replica SET last_used_at = ?1
                WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?3)
                """)
                .setParameter(1, now)
                .setParameter(2, tokenId)
                .setParameter(3, now.minus(TokenLastUse.RESOLUTION))
                .executeUpdate();
        if (recorded > 0) {
            outbox.toControl(OutboxCategory.API_TOKEN_USE, tokenId, tokenId, new ApiTokenUse(tokenId, now.toInstant()));
        }
    }
}
