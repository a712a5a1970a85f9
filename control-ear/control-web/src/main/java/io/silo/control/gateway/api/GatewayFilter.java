package io.silo.control.gateway.api;

import io.silo.common.auth.api.ApiAuthenticationFilter;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.ForwardedSession;
import io.silo.common.rpc.RpcSettings;
import java.util.Map;
import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import io.silo.common.web.ApiException;
import io.silo.control.gateway.service.GatewayDirectory;
import io.silo.control.gateway.service.GatewayRoutes;
import io.silo.control.gateway.service.OrganizationRoute;
import io.silo.control.organization.service.HostRoutes;
import io.silo.control.organization.service.PublicUrls;
import io.silo.control.organization.model.OrganizationStatus;
import io.silo.common.auth.TokenFormat;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Control's API gateway (CONTROL mode only; a MONOLITH serves these paths in-process, unchanged). Every
 * organization-scoped path is sent to the region that holds the organization, and SDK traffic for old DSNs to the
 * region of its public key; see {@link GatewayPath}. A servlet filter rather than a JAX-RS resource: it sees the
 * raw request before any JAX-RS processing (no entity providers, no body limit, no authentication filter meant
 * for control's own endpoints), streams bytes both ways through the servlet streams, serves every method with one
 * piece of code, and cannot compete in JAX-RS matching with control's own {@code /api/0/organizations/} or, in a
 * MONOLITH, with the region's resources.
 * <p>
 * Authentication stays with the region, which verifies API tokens from its replicas: the {@code Authorization}
 * header goes on unchanged, and an organization token ({@code silo_o_<region>_…}) is routed by its prefix without
 * reading the directory. A request to a region's own API host ({@code eu.<public host>}, told by its {@code Host})
 * goes to that region whatever its path; on an organization's customer domain ({@code <slug>.<public host>}) an
 * organization-scoped path must name that organization (404 otherwise). An old slug kept as an alias after a rename
 * redirects (308) on every host: in the path, and as a customer domain to the organization's current domain. Login
 * sessions exist only in control and are carried to the region as a {@link ForwardedSession} signed by control,
 * after control checked the session and the CSRF token of a state-changing request.
 */
@WebFilter(filterName = "ApiGateway", urlPatterns = "/api/*", asyncSupported = true)
@ControlSilo
public class GatewayFilter extends HttpFilter {

    private static final String NO_SUCH_ORGANIZATION = "No such organization";
    private static final int MAX_ENVELOPE_HEADER = 16 * 1024;

    @EJB
    GatewayDirectory directory;

    @Inject
    RegionDirectory regions;

    @Inject
    GatewaySettings settings;

    @Inject
    MetricRegistry registry;

    @Inject
    PublicUrls urls;

    @Inject
    CredentialVerifier verifier;

    @Inject
    RpcSettings rpcSettings;

    /*
     * What every proxied request asks is held here as plain objects rather than asked of CDI beans: the interceptor
     * each bean call passes through measured as a tenth of the gateway's CPU per request (JFR).
     */
    private RegionProxy proxy;
    private GatewayRoutes routes;
    private HostRoutes hosts;

    @Override
    public void init() {
        proxy = new RegionProxy(settings, new GatewayMetrics(registry));
        routes = new GatewayRoutes(directory, settings.routeCache());
        hosts = urls.hostRoutes();
    }

    @Override
    public void destroy() {
        proxy.close();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Silos.currentMode() != SiloMode.CONTROL) {
            chain.doFilter(request, response);
            return;
        }
        String requestPath = request.getRequestURI().substring(request.getContextPath().length());
        Optional<PublicUrls.HostRoute> host = hosts.routeOf(request.getServerName());
        Optional<GatewayPath> path = GatewayPath.of(requestPath);
        if (host.orElse(null) instanceof PublicUrls.RegionHost regionHost) {
            long started = System.nanoTime();
            Optional<OrganizationRoute> renamed = path.filter(scoped -> !scoped.isIngestion())
                    .flatMap(scoped -> renamed(scoped.organizationSlug()));
            if (renamed.isPresent()) {
                redirect(request, response, renamed.get().slug());
                return;
            }
            Map<String, String> session;
            try {
                session = forwardedSession(request);
            } catch (ApiException refusal) {
                proxy.refuse(response, refusal, regionHost.region(), started);
                return;
            }
            proxy.forward(request, response, regionNamed(regionHost.region()), request.getInputStream(), session, started);
            return;
        }
        if (host.orElse(null) instanceof PublicUrls.CustomerDomain domain) {
            Optional<OrganizationRoute> renamed = renamed(domain.slug());
            if (renamed.isPresent()) {
                redirectDomain(request, response, path, renamed.get().slug());
                return;
            }
            if (path.isPresent() && !path.get().isIngestion()
                    && !path.get().organizationSlug().equalsIgnoreCase(domain.slug())) {
                proxy.refuse(response, ApiException.notFound(NO_SUCH_ORGANIZATION), "none", System.nanoTime());
                return;
            }
        }
        if (path.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        InputStream body = request.getInputStream();
        Region region;
        Map<String, String> session = Map.of();
        try {
            if (path.get().isIngestion()) {
                if (path.get().envelope() && sentryKey(request).isEmpty()) {
                    body = peekEnvelopeHeader(body);
                }
                region = ingestionRegion(request, body);
            } else {
                String slug = path.get().organizationSlug();
                Optional<Region> byToken = organizationTokenRegion(request);
                if (byToken.isPresent()) {
                    region = byToken.get();
                } else {
                    OrganizationRoute route = routes.organization(slug)
                            .orElseThrow(() -> ApiException.notFound(NO_SUCH_ORGANIZATION));
                    if (route.isAlias(slug)) {
                        redirect(request, response, route.slug());
                        return;
                    }
                    region = organizationRegion(route, slug);
                }
                session = forwardedSession(request);
            }
        } catch (ApiException refusal) {
            proxy.refuse(response, refusal, "none", started);
            return;
        }
        proxy.forward(request, response, region, body, session, started);
    }

    /**
     * A request that brings only control's session cookie carries the session to the region as a
     * {@link ForwardedSession} signed by control, once the session is verified here and, for a state-changing
     * request, its CSRF token (403 otherwise). An invalid session adds nothing: the region then answers 401.
     */
    private Map<String, String> forwardedSession(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return Map.of();
        }
        Optional<String> sessionId = sessionCookie(request);
        if (sessionId.isEmpty()) {
            return Map.of();
        }
        Optional<CredentialVerifier.VerifiedSession> verified = verifier.verifySession(sessionId.get());
        if (verified.isEmpty()) {
            return Map.of();
        }
        ApiAuthenticationFilter.requireCsrfToken(request.getMethod(), request.getHeader(ApiAuthenticationFilter.CSRF_HEADER),
                verified.get());
        return ForwardedSession.sign(rpcSettings.keys(), request.getRequestURI(), verified.get().principal());
    }

    /** An organization token's region, from its prefix: no directory read. */
    private Optional<Region> organizationTokenRegion(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        Optional<String> tokenRegion = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? TokenFormat.regionOf(authorization.substring(7).strip()) : Optional.empty();
        return tokenRegion.map(name -> regions.find(name)
                .orElseThrow(() -> ApiException.unauthorized("Invalid, expired or revoked token")));
    }

    /** The region of an organization found in the directory; 503 while its region is still creating it. */
    private Region organizationRegion(OrganizationRoute route, String slug) {
        if (route.status() == OrganizationStatus.PROVISIONING) {
            throw RegionProxy.unavailable("Organization " + slug + " is still being created in region " + route.region()
                    + "; retry shortly", Duration.ofSeconds(1));
        }
        return regionNamed(route.region());
    }

    /** The organization whose old slug, kept as an alias after a rename, this is. */
    private Optional<OrganizationRoute> renamed(String slug) {
        return routes.organization(slug).filter(route -> route.isAlias(slug));
    }

    /**
     * An old slug in an organization-scoped path redirects to the organization's current one on the same host: 308,
     * so a client that follows it repeats the same method and body on the new path.
     */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String slug) {
        movedTo(request, response, "", GatewayPath.withOrganizationSlug(request.getRequestURI(), slug));
    }

    /**
     * An organization's old customer domain redirects to its current one (308), with the old slug in an
     * organization-scoped path replaced too, so a client pointed at the old domain keeps working after a rename.
     */
    private void redirectDomain(HttpServletRequest request, HttpServletResponse response, Optional<GatewayPath> path,
                                String slug) {
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equals(request.getScheme()) ? 443 : 80);
        String origin = request.getScheme() + "://" + slug + "." + urls.publicHost() + (defaultPort ? "" : ":" + port);
        movedTo(request, response, origin, path.filter(scoped -> !scoped.isIngestion()).isPresent()
                ? GatewayPath.withOrganizationSlug(request.getRequestURI(), slug) : request.getRequestURI());
    }

    private static void movedTo(HttpServletRequest request, HttpServletResponse response, String origin, String path) {
        String query = request.getQueryString();
        response.setStatus(308);
        response.setHeader("Location", origin + path + (query == null ? "" : "?" + query));
    }

    private Region ingestionRegion(HttpServletRequest request, InputStream body) {
        String key = sentryKey(request).or(() -> body instanceof EnvelopeReplay replay ? replay.key() : Optional.empty())
                .orElseThrow(() -> ApiException.unauthorized("Missing DSN public key: send X-Sentry-Auth with sentry_key,"
                        + " the sentry_key query parameter, or the envelope header's dsn"));
        return regionNamed(routes.regionOfPublicKey(key)
                .orElseThrow(() -> ApiException.unauthorized("Unknown or removed DSN public key")));
    }

    private Region regionNamed(String name) {
        return regions.find(name).orElseThrow(() -> proxy.unavailable("Region " + name
                + " is not in this server's region directory; retry later"));
    }

    private static Optional<String> sentryKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return SentryKeys.fromAuthHeader(request.getHeader("X-Sentry-Auth"))
                .or(() -> authorization != null && authorization.regionMatches(true, 0, "Sentry ", 0, 7)
                        ? SentryKeys.fromAuthHeader(authorization) : Optional.empty())
                .or(() -> SentryKeys.fromQuery(request.getQueryString()));
    }

    private static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> cookie.getName().equals(ApiAuthenticationFilter.SESSION_COOKIE))
                .map(Cookie::getValue).filter(value -> !value.isBlank()).findFirst();
    }

    /**
     * Reads an uncompressed envelope's header line (at most 16 KiB) for its DSN and gives a stream that replays it
     * before the rest of the body, so the body is still forwarded whole and streamed.
     */
    private static InputStream peekEnvelopeHeader(InputStream request) throws IOException {
        InputStream body = new BufferedInputStream(request);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int next;
        while (header.size() < MAX_ENVELOPE_HEADER && (next = body.read()) >= 0) {
            header.write(next);
            if (next == '\n') {
                break;
            }
        }
        byte[] read = header.toByteArray();
        return new EnvelopeReplay(SentryKeys.fromEnvelopeHeader(new String(read, StandardCharsets.UTF_8).strip()),
                new SequenceInputStream(new ByteArrayInputStream(read), body));
    }

    /** An envelope's body with its header line read ahead: the key found there, and all the bytes still to read. */
    private static final class EnvelopeReplay extends java.io.FilterInputStream {

        private final Optional<String> key;

        EnvelopeReplay(Optional<String> key, InputStream all) {
            super(all);
            this.key = key;
        }

        Optional<String> key() {
            return key;
        }
    }
}
