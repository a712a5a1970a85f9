package io.silo.control.gateway.service;

import io.silo.common.silo.ControlSilo;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's routes with a short per-instance memory: an organization's region and status as read from the
 * directory stay for {@code silo.gateway.route-cache} (5 s), so a burst of requests for one organization costs
 * one query; an organization not found is never remembered (a miss always reads again), so a new organization
 * routes at once. An organization never changes region, so a remembered route is at worst a few seconds behind
 * on its status.
 */
@ApplicationScoped
@ControlSilo
public class GatewayRoutes {

    private static final int MAX_REMEMBERED = 10_000;

    @EJB
    GatewayDirectory directory;

    @Inject
    @ConfigProperty(name = "silo.gateway.route-cache", defaultValue = "PT5S")
    Duration remembered;

    private final Map<String, Remembered> organizations = new ConcurrentHashMap<>();

    public Optional<OrganizationRoute> organization(String slug) {
        long now = System.nanoTime();
        Remembered known = organizations.get(slug);
        if (known != null && now - known.readAtNanos() < remembered.toNanos()) {
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
