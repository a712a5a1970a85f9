package io.silo.control.gateway.api;

import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway's configuration, read once when the gateway starts. */
@ApplicationScoped
@ControlSilo
public class GatewaySettings {

    @Inject
    @ConfigProperty(name = "silo.gateway.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    /** How long the region may stay silent: before its answer starts, and between two reads of its body. */
    @Inject
    @ConfigProperty(name = "silo.gateway.read-timeout", defaultValue = "PT30S")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "silo.gateway.retry-after", defaultValue = "PT5S")
    Duration retryAfter;

    @Inject
    @ConfigProperty(name = "silo.gateway.route-cache", defaultValue = "PT5S")
    Duration routeCache;

    /** How long a kept-alive connection to a region may wait unused; below the region's keep-alive timeout (30 s). */
    @Inject
    @ConfigProperty(name = "silo.gateway.max-idle", defaultValue = "PT20S")
    Duration maxIdle;

    /** Connections to one region at most; a request beyond them waits for one (up to the read timeout). */
    @Inject
    @ConfigProperty(name = "silo.gateway.max-connections", defaultValue = "256")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "silo.http.trusted-proxies")
    Optional<String> trustedProxies;

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Duration routeCache() {
        return routeCache;
    }

    public Duration maxIdle() {
        return maxIdle;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public Optional<String> trustedProxies() {
        return trustedProxies;
    }
}
