package io.silo.control.gateway.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.silo.common.persistence.DatabaseOutage;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's routes with a short per-instance memory: an organization's region and status as read from the
 * directory stay for {@code silo.gateway.route-cache} (5 s), so a burst of requests for one organization costs
 * one query; an organization not found is never remembered (a miss always reads again), so a new organization
 * routes at once. An organization never changes region, so a remembered route is at worst a few seconds behind
 * on its status. At most {@value #MAX_REMEMBERED} organizations are remembered; beyond that the least used is
 * forgotten, one at a time. While control's database is away, a route read within the last 15 minutes still answers.
 * <p>
 * A plain object the gateway filter owns, not a CDI bean: it is asked on every proxied request, and the
 * interceptor every bean call passes through cost more than the remembered answer (JFR).
 */
public final class GatewayRoutes {

    static final int MAX_REMEMBERED = 10_000;

    /** How long past {@code silo.gateway.route-cache} a route still answers while control's database is away. */
    static final Duration OUTAGE_GRACE = Duration.ofMinutes(15);

    private final GatewayDirectory directory;
    private final long rememberedNanos;
    private final Cache<String, Remembered> organizations;

    private record Remembered(OrganizationRoute route, long readAtNanos) {
    }

    /** @param remembered how long a route found stays ({@code silo.gateway.route-cache}) */
    public GatewayRoutes(GatewayDirectory directory, Duration remembered) {
        this.directory = directory;
        this.rememberedNanos = remembered.toNanos();
        // maintenance on the caller's thread: no work handed to threads the container does not manage
        this.organizations = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(remembered.plus(OUTAGE_GRACE)).executor(Runnable::run).build();
    }

    /**
     * The organization's route: remembered, else read; while the directory cannot be read (control's database is
     * away), the route last read within {@link #OUTAGE_GRACE}, so known organizations keep reaching their regions.
     */
    public Optional<OrganizationRoute> organization(String slug) {
        Remembered known = organizations.getIfPresent(slug);
        if (known != null && System.nanoTime() - known.readAtNanos() < rememberedNanos) {
            return Optional.of(known.route());
        }
        Optional<OrganizationRoute> route;
        try {
            route = directory.organization(slug);
        } catch (RuntimeException failure) {
            if (known != null && DatabaseOutage.isOutage(failure)) {
                return Optional.of(known.route());
            }
            throw failure;
        }
        route.ifPresentOrElse(found -> organizations.put(slug, new Remembered(found, System.nanoTime())),
                () -> organizations.invalidate(slug));
        return route;
    }

    /** The region of a live DSN public key; always read (SDK traffic to control is the old-DSN fallback). */
    public Optional<String> regionOfPublicKey(String publicKey) {
        return directory.regionOfPublicKey(publicKey);
    }
}
