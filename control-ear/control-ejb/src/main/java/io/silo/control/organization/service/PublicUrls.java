package io.silo.control.organization.service;

import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public addresses clients are given: a region's API host and an organization's customer domain
 * ({@code {slug}.{public host}}), with the public scheme ({@code silo.public.scheme}, https unless a local
 * install says http).
 */
@ApplicationScoped
@ControlSilo
public class PublicUrls {

    @Inject
    RegionDirectory regions;

    @Inject
    @ConfigProperty(name = "silo.public.host", defaultValue = "localhost")
    String publicHost;

    @Inject
    @ConfigProperty(name = "silo.public.scheme", defaultValue = "https")
    String scheme;

    /** Silo's root URL as clients reach it, when it is not {@code {scheme}://{public host}} (a port, a path). */
    @Inject
    @ConfigProperty(name = "silo.public.url")
    Optional<String> rootUrl;

    /** What a request's host names: a region's own API (or ingest) host, or an organization's customer domain. */
    public sealed interface HostRoute permits RegionHost, CustomerDomain {
    }

    /** {@code {region api host}}: the region's API, served by that region whatever the path. */
    public record RegionHost(String region) implements HostRoute {
    }

    /** {@code {slug}.{public host}}: one organization's domain. */
    public record CustomerDomain(String slug) implements HostRoute {
    }

    /** The route a request's host name ({@code Host}, without its port) asks for, if it is not the main host. */
    public Optional<HostRoute> routeOf(String host) {
        return hostRoutes().routeOf(host);
    }

    /**
     * The routes of host names as a plain object, for the gateway to keep: the region directory and the public host
     * are fixed while the server runs.
     */
    public HostRoutes hostRoutes() {
        return new HostRoutes(regions.all(), publicHost);
    }

    /** The public host name customer domains are under ({@code silo.public.host}). */
    public String publicHost() {
        return publicHost;
    }

    /** Silo's root URL, where clients send API requests: {@code silo.public.url}, else {@code {scheme}://{public host}}. */
    public String root() {
        return rootUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse(scheme + "://" + publicHost);
    }

    /**
     * A region's API URL: {@code {scheme}://{api host}}, with the port of Silo's root URL when that has one (a local
     * install: {@code http://eu.localhost:8080}, which reaches control and which curl-based clients such as
     * sentry-cli, and browsers, resolve to the loopback address).
     */
    public String region(String regionName) {
        return scheme + "://" + regions.require(regionName).apiHost() + rootPort();
    }

    /** An organization's customer domain URL, with the root URL's port as {@link #region} has it. */
    public String organization(String slug) {
        return scheme + "://" + slug + "." + publicHost + rootPort();
    }

    /** The region whose API host a request's host name ({@code Host}, without its port) is, if any. */
    public Optional<String> regionOfHost(String host) {
        return routeOf(host).filter(RegionHost.class::isInstance).map(route -> ((RegionHost) route).region());
    }

    private String rootPort() {
        return rootUrl.map(URI::create).filter(uri -> uri.getPort() >= 0).map(uri -> ":" + uri.getPort()).orElse("");
    }
}
