package io.silo.common.auth.api;

import io.silo.common.auth.AccessPolicy;
import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.Authorize;
import io.silo.common.auth.CredentialVerifier;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.ForwardedSession;
import io.silo.common.auth.PublicEndpoint;
import io.silo.common.auth.SecretDigest;
import io.silo.common.web.ApiException;
import io.silo.common.web.api.TrustedProxies;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every {@code /api/0/} request and applies {@link AccessPolicy}: an
 * {@code Authorization: Bearer} token, or else the session cookie. A state-changing request on the session
 * cookie must echo the session's CSRF token in {@code X-CSRF-Token}, so another site cannot ride the cookie.
 * On a region, a login session comes through control's gateway as a {@link ForwardedSession} signed by control
 * (control checked its CSRF token). Internal endpoints ({@code /api/0/internal/}) authenticate by their own means.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "silo_session";
    public static final String CSRF_COOKIE = "silo_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    CurrentRequest current;

    @Inject
    Instance<CredentialVerifier> verifiers;

    @Inject
    ForwardedSession forwardedSessions;

    /** Reverse proxies in front of Silo whose {@code X-Forwarded-For} is believed; nobody else's is. */
    @Inject
    @ConfigProperty(name = "silo.http.trusted-proxies")
    Optional<String> trustedProxies;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("api/0/") || path.startsWith("api/0/internal/") || resource.getResourceMethod() == null) {
            return;
        }
        current.clientAddress(clientAddress(request));
        boolean publicEndpoint = annotation(PublicEndpoint.class).isPresent();
        authenticate(request, publicEndpoint).ifPresent(current::authenticated);
        if (!publicEndpoint) {
            AccessPolicy.check(current.principal(), annotation(Authorize.class));
        }
    }

    private Optional<ApiPrincipal> authenticate(ContainerRequestContext request, boolean publicEndpoint) {
        String forwardedSession = request.getHeaderString(ForwardedSession.HEADER);
        if (forwardedSession != null && Silos.currentMode() == SiloMode.REGION) {
            return Optional.of(forwardedSessions.verify(forwardedSession,
                    request.getHeaderString(ForwardedSession.SIGNATURE_HEADER), servletRequest.getRequestURI()));
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiException.unauthorized("Unsupported Authorization scheme; send 'Authorization: Bearer <token>'");
            }
            String token = authorization.substring(7).strip();
            return Optional.of(verifier().flatMap(v -> v.verifyToken(token))
                    .orElseThrow(() -> ApiException.unauthorized("Invalid, expired or revoked token")));
        }
        Cookie session = request.getCookies().get(SESSION_COOKIE);
        if (session == null || session.getValue().isBlank()) {
            return Optional.empty();
        }
        Optional<CredentialVerifier.VerifiedSession> verified = verifier().flatMap(v -> v.verifySession(session.getValue()));
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        if (!publicEndpoint) {
            requireCsrfToken(request.getMethod(), request.getHeaderString(CSRF_HEADER), verified.get());
        }
        return Optional.of(verified.get().principal());
    }

    /** A state-changing request on a session cookie must echo the session's CSRF token (403 otherwise). */
    public static void requireCsrfToken(String method, String csrfHeader, CredentialVerifier.VerifiedSession session) {
        if (!SAFE_METHODS.contains(method) && (csrfHeader == null || !SecretDigest.matches(csrfHeader, session.csrfHash()))) {
            throw ApiException.forbidden("CSRF token missing or incorrect: send the " + CSRF_COOKIE
                    + " cookie's value in the " + CSRF_HEADER + " header");
        }
    }

    /** The client's address: the peer's, or behind trusted proxies the last address they did not add themselves. */
    private String clientAddress(ContainerRequestContext request) {
        return new TrustedProxies(trustedProxies).clientAddress(servletRequest.getRemoteAddr(),
                request.getHeaderString("X-Forwarded-For"));
    }

    /**
     * The deployment's one verifier, if it has one. Two that CDI cannot choose between are a packaging error
     * (in a MONOLITH control's is the prioritized alternative): fail loudly rather than accept no credential.
     */
    private Optional<CredentialVerifier> verifier() {
        if (verifiers.isAmbiguous()) {
            throw new IllegalStateException("More than one CredentialVerifier is enabled in this deployment; exactly one"
                    + " must resolve (control's is an @Alternative with a @Priority for a MONOLITH)");
        }
        return verifiers.isResolvable() ? Optional.of(verifiers.get()) : Optional.empty();
    }

    private <A extends java.lang.annotation.Annotation> Optional<A> annotation(Class<A> type) {
        AnnotatedElement method = resource.getResourceMethod();
        A onMethod = method.getAnnotation(type);
        return Optional.ofNullable(onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(type));
    }
}
