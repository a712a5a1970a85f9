package io.silo.common.integration;

/**
 * The contract between a region's integration client and control's integration proxy:
 * {@code /api/0/internal/integration-proxy/{organizationIntegrationId}/{provider path}}, signed with the RPC keys
 * over {@link #signedPath}, so a signature made for one call cannot be replayed as another method or path.
 */
public final class IntegrationProxyPaths {

    public static final String PREFIX = "/api/0/internal/integration-proxy/";

    private IntegrationProxyPaths() {
    }

    /** What the caller signs and control verifies: method, raw path and raw query. */
    public static String signedPath(String method, String rawPath, String rawQuery) {
        return method + " " + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
}
