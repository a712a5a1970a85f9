package io.silo.control.gateway.service;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's routes with a short per-instance memory: an organization's region and status as read from the
 * directory stay for {@code silo.gateway.route-cache} (5 s), so a burst of requests for one organization costs
 * one query; an organization not found is never remembered (a miss always reads again), so a new organization
 * routes at once. An organization never changes region, so a remembered route is at worst a few seconds behind
 * on its status.
 * <p>
 * A plain object the gateway filter owns, not a CDI bean: it is asked on every proxied request, and the
 * interceptor every bean call passes through cost more than the remembered answer (JFR).
 */
public final class GatewayRoutes {

    private static final int MAX_REMEMBERED = 10_000;

    private final GatewayDirectory directory;
    private final long rememberedNanos;

    private final Map<String, Remembered> organizations = new ConcurrentHashMap<>();

    /** @param remembered how long a route found stays ({@code silo.gateway.route-cache}) */
    public GatewayRoutes(GatewayDirectory directory, Duration remembered) {
        this.directory = directory;
        this.rememberedNanos = remembered.toNanos();
    }

    public Optional<OrganizationRoute> organization(String slug) {
        long now = System.nanoTime();
        Remembered known = organizations.get(slug);
        if (known != null && now - known.readAtNanos() < rememberedNanos) {
            return Optional.of(known.route());
        }
        Optional<OrganizationRoute> route = directory.organization(slug);
        if (route.isPresent()) {
            if (organizations.size() >= MAX_REMEMBERED) {
                organizations.clear();
            }
            organizations.put(slug, new Remembered(route.get(), now));
        } else {
            organizations.remove(slug);
        }
        return route;
    }

    /** The region of a live DSN public key; always read (SDK traffic to control is the old-DSN fallback). */
    public Optional<String> regionOfPublicKey(String publicKey) {
        return directory.regionOfPublicKey(publicKey);
    }

    private record Remembered(OrganizationRoute route, long readAtNanos) {
    }
}
