package io.silo.common.rpc.organization;

import java.time.Instant;

/** A rename as control recorded it: the new slug, and the previous one kept as an alias until {@code aliasExpiresAt}. */
public record RpcSlugChange(String slug, String previousSlug, Instant aliasExpiresAt) {
}
