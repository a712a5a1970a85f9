package io.silo.common.silo.api;

import io.silo.common.silo.SiloMode;

/** Wire form of {@code GET /api/0/internal/silo}. {@code region} is null on a control server. */
public record SiloInfo(SiloMode mode, String region, String silo, String version) {
}
