package io.silo.control.gateway.api;

import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.ForwardedSession;
import io.silo.common.auth.TokenFormat;
import io.silo.common.auth.api.ApiAuthenticationFilter;
import io.silo.common.persistence.DatabaseOutage;
import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import io.silo.common.web.ApiException;
import io.silo.control.gateway.service.GatewayDirectory;
import io.silo.control.gateway.service.GatewayRoutes;
import io.silo.control.gateway.service.OrganizationRoute;
import io.silo.control.organization.service.HostRoutes;
import io.silo.control.organization.service.PublicUrls;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
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
 * Where a request goes is decided by {@link GatewayRouting} from the request's facts alone (path, host, an
 * organization token's prefix, a DSN key); this filter gathers those facts and carries the decision out.
 * Authentication stays with the region, which verifies API tokens from its replicas: the {@code Authorization}
 * header goes on unchanged. Login sessions exist only in control and are carried to the region as a
 * {@link ForwardedSession} signed by control, after control checked the session and the CSRF token of a
 * state-changing request.
 */
@WebFilter(filterName = "ApiGateway", urlPatterns = "/api/*", asyncSupported = true)
@ControlSilo
public class GatewayFilter extends HttpFilter {

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

    @Inject
    SiloIdentity identity;

    /*
     * What every proxied request asks is held here as plain objects rather than asked of CDI beans: the interceptor
     * each bean call passes through measured as a tenth of the gateway's CPU per request (JFR).
     */
    private RegionProxy proxy;
    private GatewayRouting routing;
    private HostRoutes hosts;

    @Override
    public void init() {
        proxy = new RegionProxy(settings, new GatewayMetrics(registry));
        GatewayRoutes routes = new GatewayRoutes(directory, settings.routeCache());
        routing = new GatewayRouting(new GatewayRouting.Lookups() {
            @Override
            public Optional<OrganizationRoute> organization(String slug) {
                return routes.organization(slug);
            }

            @Override
            public Optional<String> regionOfPublicKey(String publicKey) {
                return routes.regionOfPublicKey(publicKey);
            }

            @Override
            public Optional<Region> region(String name) {
                return regions.find(name);
            }
        }, settings.retryAfter());
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
        long started = System.nanoTime();
        GatewayRouting.Decision decision;
        InputStream body = null;
        try {
            decision = routing.decide(new GatewayRouting.RequestFacts(
                    request.getRequestURI().substring(request.getContextPath().length()),
                    hosts.routeOf(request.getServerName()), organizationTokenRegion(request), sentryKey(request)));
            if (decision instanceof GatewayRouting.ReadEnvelopeKey) {
                EnvelopeReplay replay = peekEnvelopeHeader(request.getInputStream());
                body = replay;
                decision = routing.ingestion(replay.key());
            }
        } catch (RuntimeException failure) {
            // a directory lookup the route cache could not answer: an outage of control's database, said as such
            refuseInOutage(response, failure, "none", started);
            return;
        }
        if (decision instanceof GatewayRouting.ControlsOwn) {
            chain.doFilter(request, response);
        } else if (decision instanceof GatewayRouting.Redirect redirect) {
            movedTo(request, response, "", GatewayPath.withOrganizationSlug(request.getRequestURI(), redirect.slug()));
        } else if (decision instanceof GatewayRouting.RedirectDomain redirect) {
            redirectDomain(request, response, redirect);
        } else if (decision instanceof GatewayRouting.Refuse refuse) {
            proxy.refuse(response, refuse.refusal(), refuse.region(), started);
        } else if (decision instanceof GatewayRouting.Forward forward) {
            Map<String, String> session;
            try {
                session = forward.carriesSession() ? forwardedSession(request) : Map.of();
            } catch (ApiException refusal) {
                proxy.refuse(response, refusal, forward.region().name(), started);
                return;
            } catch (RuntimeException failure) {
                refuseInOutage(response, failure, forward.region().name(), started);
                return;
            }
            proxy.forward(request, response, forward.region(), body != null ? body : request.getInputStream(), session,
                    started);
        } else {
            throw new IllegalStateException("no way to carry out " + decision);
        }
    }

    /**
     * A failure while deciding or preparing a request: if control's database cannot be reached, 503 naming it (with
     * {@code Retry-After}), as control's own API answers an outage; any other failure is thrown on.
     */
    private void refuseInOutage(HttpServletResponse response, RuntimeException failure, String region, long started)
            throws IOException {
        if (!DatabaseOutage.isOutage(failure)) {
            throw failure;
        }
        proxy.refuse(response, ApiException.unavailable(DatabaseOutage.detail(identity.siloName()),
                DatabaseOutage.RETRY_AFTER_SECONDS), region, started);
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

    /**
     * The region an organization token names, without a directory read: its {@code region_url} (Sentry's format), the
     * region whose API host that is, or the region in the prefix of a token of the earlier format. A token naming a
     * host that is no region's routes nowhere ({@code ?}, refused as an unknown region).
     */
    private Optional<String> organizationTokenRegion(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return TokenFormat.organizationClaims(token).map(claims -> regionOfUrl(claims.regionUrl()))
                .or(() -> TokenFormat.legacyRegionOf(token));
    }

    private String regionOfUrl(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "?" : hosts.routeOf(host).filter(PublicUrls.RegionHost.class::isInstance)
                    .map(route -> ((PublicUrls.RegionHost) route).region()).orElse("?");
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /**
     * An organization's old customer domain redirects to its current one (308), with the old slug in an
     * organization-scoped path replaced too, so a client pointed at the old domain keeps working after a rename.
     */
    private void redirectDomain(HttpServletRequest request, HttpServletResponse response,
                                GatewayRouting.RedirectDomain redirect) {
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equals(request.getScheme()) ? 443 : 80);
        String origin = request.getScheme() + "://" + redirect.slug() + "." + urls.publicHost()
                + (defaultPort ? "" : ":" + port);
        movedTo(request, response, origin, redirect.organizationScopedPath()
                ? GatewayPath.withOrganizationSlug(request.getRequestURI(), redirect.slug()) : request.getRequestURI());
    }

    /** 308, so a client that follows it repeats the same method and body on the new address. */
    private static void movedTo(HttpServletRequest request, HttpServletResponse response, String origin, String path) {
        String query = request.getQueryString();
        response.setStatus(308);
        response.setHeader("Location", origin + path + (query == null ? "" : "?" + query));
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
    private static EnvelopeReplay peekEnvelopeHeader(InputStream request) throws IOException {
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
