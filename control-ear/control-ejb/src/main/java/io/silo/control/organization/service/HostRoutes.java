package io.silo.control.organization.service;

import io.silo.common.region.Region;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request's host name routes to: a region's own API (or ingest) host, an organization's customer domain
 * ({@code {slug}.{public host}}), or nothing (the main host). Immutable, so the gateway keeps one and asks it on
 * every request without a bean call.
 */
public final class HostRoutes {

    private final List<Region> regions;
    private final String customerDomainSuffix;

    HostRoutes(List<Region> regions, String publicHost) {
        this.regions = List.copyOf(regions);
        this.customerDomainSuffix = "." + publicHost.toLowerCase(Locale.ROOT);
    }

    /** The route a request's host name ({@code Host}, without its port) asks for, if it is not the main host. */
    public Optional<PublicUrls.HostRoute> routeOf(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        for (Region region : regions) {
            if (name.equals(region.apiHost()) || name.equals(region.ingestHost())) {
                return Optional.of(new PublicUrls.RegionHost(region.name()));
            }
        }
        String suffix = customerDomainSuffix;
        if (name.endsWith(suffix) && name.length() > suffix.length() && name.indexOf('.') == name.length() - suffix.length()) {
            return Optional.of(new PublicUrls.CustomerDomain(name.substring(0, name.length() - suffix.length())));
        }
        return Optional.empty();
    }
}
