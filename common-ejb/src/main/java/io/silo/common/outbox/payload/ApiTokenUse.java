package io.silo.common.outbox.payload;

import io.silo.common.outbox.OutboxPayload;
import java.time.Instant;

/**
 * A region authenticated an API token (user's or organization's) at {@code usedAt}: control records it as the
 * token's last use, so token lists show use in every region. Sent at most once a minute per token and region.
 */
@OutboxPayload
public record ApiTokenUse(long tokenId, Instant usedAt) {
}
