package io.silo.common.auth;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How exactly a token's last use is kept, the same in control and in every region: to the minute, so a busy token
 * costs one write a minute, not one per request.
 */
public final class TokenLastUse {

    /** A use within this time of the recorded last use is not written again. */
    public static final Duration RESOLUTION = Duration.ofMinutes(1);

    private TokenLastUse() {
    }

    /** Whether a use at {@code now} is due a write after the last one recorded. */
    public static boolean isDue(Optional<OffsetDateTime> lastUsedAt, OffsetDateTime now) {
        return lastUsedAt.map(last -> last.plus(RESOLUTION).isBefore(now)).orElse(true);
    }
}
