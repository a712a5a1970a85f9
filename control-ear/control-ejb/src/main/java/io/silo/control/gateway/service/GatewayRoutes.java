package io.silo.control.gateway.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's routes with a short per-instance memory: an organization's region and status as read from the
 * directory stay for {@code silo.gateway.route-cache} (5 s), so a burst of requests for one organization costs
 * one query; an organization not found is never remembered (a miss always reads again), so a new organization
 * routes at once. An organization never changes region, so a remembered route is at worst a few seconds behind
 * on its status. At most {@value #MAX_REMEMBERED} organizations are remembered; beyond that the least used is
 * forgotten, one at a time.
 * <p>
 * A plain object the gateway filter owns, not a CDI bean: it is asked on every proxied request, and the
 * interceptor every bean call passes through cost more than the remembered answer (JFR).
 */
public final class GatewayRoutes {

    static final int MAX_REMEMBERED = 10_000;

    private final GatewayDirectory directory;
    private final Cache<String, OrganizationRoute> organizations;

    /** @param remembered how long a route found stays ({@code silo.gateway.route-cache}) */
    public GatewayRoutes(GatewayDirectory directory, Duration remembered) {
        this.directory = directory;
        // maintenance on the caller's thread: no work handed to threads the container does not manage
        this.organizations = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(remembered)
                .executor(Runnable::run).build();
    }

    public Optional<OrganizationRoute> organization(String slug) {
        OrganizationRoute known = organizations.getIfPresent(slug);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<OrganizationRoute> route = directory.organization(slug);
        route.ifPresent(found -> organizations.put(slug, found));
        return route;
    }

    /** The region of a live DSN public key; always read (SDK traffic to control is the old-DSN fallback). */
    public Optional<String> regionOfPublicKey(String publicKey) {
        return directory.regionOfPublicKey(publicKey);
    }
}
