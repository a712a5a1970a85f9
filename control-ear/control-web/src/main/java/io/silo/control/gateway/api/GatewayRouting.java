package io.silo.control.gateway.api;

import io.silo.common.region.Region;
import io.silo.common.web.ApiException;
import io.silo.control.gateway.service.OrganizationRoute;
import io.silo.control.organization.model.OrganizationStatus;
import io.silo.control.organization.service.PublicUrls.CustomerDomain;
import io.silo.control.organization.service.PublicUrls.HostRoute;
import io.silo.control.organization.service.PublicUrls.RegionHost;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's routing decision, apart from any I/O: the facts of a request and the directory's answers in, a
 * {@link Decision} out. {@link GatewayFilter} gathers the facts and carries the decision out.
 * <ul>
 * <li>A region's own API host ({@code eu.<public host>}) goes to that region whatever its path; an old slug in an
 * organization-scoped path redirects first.</li>
 * <li>An organization's customer domain ({@code <slug>.<public host>}) that is an old slug redirects to the current
 * domain; an organization-scoped path on it must name that organization (404 otherwise).</li>
 * <li>SDK ingestion goes to the region of its DSN public key, found in the headers or the query, else in the
 * envelope's header line (which only the filter can read).</li>
 * <li>An organization-scoped path goes to the region named by an organization token's prefix (no directory read),
 * else to the organization's region in the directory; an old slug redirects (308), an organization still being
 * created is 503.</li>
 * <li>Anything else is control's own.</li>
 * </ul>
 */
final class GatewayRouting {

    /**
     * On a region's API host, the organization list is control's, scoped to that region: Sentry's tools list a
     * user's organizations region by region ({@code GET /api/0/users/me/regions/}, then each region's URL).
     */
    static final String REGION_ORGANIZATIONS = "/api/0/organizations/";
    static final String NO_SUCH_ORGANIZATION = "No such organization";
    static final String MISSING_DSN_KEY = "Missing DSN public key: send X-Sentry-Auth with sentry_key,"
            + " the sentry_key query parameter, or the envelope header's dsn";

    /** What the decision reads: the organization directory (through its short memory) and the region directory. */
    interface Lookups {

        Optional<OrganizationRoute> organization(String slug);

        Optional<String> regionOfPublicKey(String publicKey);

        Optional<Region> region(String name);
    }

    /**
     * @param path        the request's path, without the context path
     * @param host        what its {@code Host} names: a region's API host, a customer domain, or the main host (empty)
     * @param tokenRegion the region an organization token in {@code Authorization} names by its prefix
     * @param sentryKey   the DSN public key of {@code X-Sentry-Auth}, a {@code Sentry} authorization or the query
     */
    record RequestFacts(String path, Optional<HostRoute> host, Optional<String> tokenRegion, Optional<String> sentryKey) {
    }

    sealed interface Decision permits ControlsOwn, Redirect, RedirectDomain, Refuse, Forward, ReadEnvelopeKey {
    }

    /** Not the gateway's: control serves it. */
    record ControlsOwn() implements Decision {
    }

    /** 308 on the same host, with the organization segment of the path changed to the current slug. */
    record Redirect(String slug) implements Decision {
    }

    /** 308 to the current slug's customer domain; the path's organization segment changed too when it has one. */
    record RedirectDomain(String slug, boolean organizationScopedPath) implements Decision {
    }

    /** Answered here with a problem; {@code region} labels the metrics ({@code none} when no region was chosen). */
    record Refuse(ApiException refusal, String region) implements Decision {
    }

    /** Proxied to the region; a login session is carried along (signed) where {@code carriesSession}. */
    record Forward(Region region, boolean carriesSession) implements Decision {
    }

    /** Ingestion whose DSN key can only be in the envelope header: read it, then {@link #ingestion} decides. */
    record ReadEnvelopeKey() implements Decision {
    }

    private final Lookups lookups;
    private final Duration retryAfter;

    /** @param retryAfter what a 503 for a region this server does not know advises ({@code silo.gateway.retry-after}) */
    GatewayRouting(Lookups lookups, Duration retryAfter) {
        this.lookups = lookups;
        this.retryAfter = retryAfter;
    }

    Decision decide(RequestFacts request) {
        Optional<GatewayPath> path = GatewayPath.of(request.path());
        Optional<String> scopedSlug = path.filter(scoped -> !scoped.isIngestion()).map(GatewayPath::organizationSlug);
        if (request.host().orElse(null) instanceof RegionHost regionHost) {
            if (REGION_ORGANIZATIONS.equals(request.path())) {
                return new ControlsOwn();
            }
            Optional<OrganizationRoute> renamed = scopedSlug.flatMap(this::renamed);
            if (renamed.isPresent()) {
                return new Redirect(renamed.get().slug());
            }
            return forward(regionHost.region(), true);
        }
        if (request.host().orElse(null) instanceof CustomerDomain domain) {
            Optional<OrganizationRoute> renamed = renamed(domain.slug());
            if (renamed.isPresent()) {
                return new RedirectDomain(renamed.get().slug(), scopedSlug.isPresent());
            }
            if (scopedSlug.isPresent() && !scopedSlug.get().equalsIgnoreCase(domain.slug())) {
                return new Refuse(ApiException.notFound(NO_SUCH_ORGANIZATION), "none");
            }
        }
        if (path.isEmpty()) {
            return new ControlsOwn();
        }
        if (path.get().isIngestion()) {
            return request.sentryKey().isEmpty() && path.get().envelope() ? new ReadEnvelopeKey()
                    : ingestion(request.sentryKey());
        }
        if (request.tokenRegion().isPresent()) {
            return lookups.region(request.tokenRegion().get()).<Decision>map(region -> new Forward(region, true))
                    .orElseGet(() -> new Refuse(ApiException.unauthorized("Invalid, expired or revoked token"), "none"));
        }
        String slug = scopedSlug.get();
        Optional<OrganizationRoute> route = lookups.organization(slug);
        if (route.isEmpty()) {
            return new Refuse(ApiException.notFound(NO_SUCH_ORGANIZATION), "none");
        }
        if (route.get().isAlias(slug)) {
            return new Redirect(route.get().slug());
        }
        if (route.get().status() == OrganizationStatus.PROVISIONING) {
            return new Refuse(ApiException.unavailable("Organization " + slug + " is still being created in region "
                    + route.get().region() + "; retry shortly", 1), "none");
        }
        return forward(route.get().region(), true);
    }

    /** SDK traffic, by the DSN public key wherever it was found. */
    Decision ingestion(Optional<String> sentryKey) {
        if (sentryKey.isEmpty()) {
            return new Refuse(ApiException.unauthorized(MISSING_DSN_KEY), "none");
        }
        return lookups.regionOfPublicKey(sentryKey.get()).map(region -> forward(region, false))
                .orElseGet(() -> new Refuse(ApiException.unauthorized("Unknown or removed DSN public key"), "none"));
    }

    private Decision forward(String regionName, boolean carriesSession) {
        return lookups.region(regionName).<Decision>map(region -> new Forward(region, carriesSession))
                .orElseGet(() -> new Refuse(ApiException.unavailable("Region " + regionName
                        + " is not in this server's region directory; retry later", retryAfter.toSeconds()), "none"));
    }

    /** The organization whose old slug, kept as an alias after a rename, this is. */
    private Optional<OrganizationRoute> renamed(String slug) {
        return lookups.organization(slug).filter(route -> route.isAlias(slug));
    }
}
