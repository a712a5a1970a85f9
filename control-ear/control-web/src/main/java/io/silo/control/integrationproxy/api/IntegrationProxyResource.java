package io.silo.control.integrationproxy.api;

import io.silo.common.integration.IntegrationProxyPaths;
import io.silo.common.region.RegionDirectory;
import io.silo.common.rpc.dispatch.RpcVerifier;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import io.silo.common.web.ApiException;
import io.silo.control.integrationproxy.service.IntegrationTokens;
import io.silo.control.integrationproxy.service.ProviderAddress;
import io.silo.control.integrationproxy.service.ProviderClient;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The integration proxy: {@code /api/0/internal/integration-proxy/{organizationIntegrationId}/{path…}}, any method.
 * A region's call, signed like RPC (the signed path is {@code "<METHOD> <path>?<query>"}), is forwarded to the
 * provider's configured API base URL with the installation's OAuth token, and the provider's answer streams back.
 * Refusals, as problem+json: 401 unsigned, stale or replayed; 403 a caller that is not a region of the directory,
 * or a path, redirect or address outside the provider's API ({@link ProviderAddress}); 404 an installation not in
 * an organization of the calling region; 502 a provider that cannot be reached or refuses the token refresh.
 * A provider's 401 leads to one refresh and one retry.
 *
 * <p>Application-scoped, with the request's URI and headers as method parameters: a request-scoped resource with
 * {@code @Context} fields was built and injected anew for every call, a quarter of the proxy's CPU when profiled.
 */
@Path("api/0/internal/integration-proxy/{organizationIntegrationId}/{path: .*}")
@ApplicationScoped
@ControlSilo
public class IntegrationProxyResource {

    private static final Set<String> FORWARDED_REQUEST_HEADERS = Set.of("accept", "content-type", "if-none-match",
            "if-match", "if-modified-since", "x-github-api-version");
    private static final Set<String> COPIED_RESPONSE_HEADERS = Set.of("content-type", "etag", "last-modified",
            "cache-control", "retry-after", "link", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset");
    private static final int MAX_REDIRECTS = 3;

    @Inject
    RpcVerifier verifier;

    @Inject
    RegionDirectory regions;

    @Inject
    SiloIdentity silo;

    @EJB
    IntegrationTokens tokens;

    /** Read on every call, as the request-scoped resource did. */
    @Inject
    @ConfigProperty(name = "silo.integrations.proxy.timeout", defaultValue = "PT30S")
    Provider<Duration> timeout;

    @Inject
    ProviderClient client;

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("organizationIntegrationId") String id, @PathParam("path") String path,
                        @Context UriInfo uri, @Context HttpHeaders headers, @Context Request request) {
        return proxy(request.getMethod(), id, uri, headers, new byte[0]); // HEAD comes here too
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete(@PathParam("organizationIntegrationId") String id, @PathParam("path") String path,
                           @Context UriInfo uri, @Context HttpHeaders headers) {
        return proxy("DELETE", id, uri, headers, new byte[0]);
    }

    @POST
    @Operation(hidden = true)
    public Response post(@PathParam("organizationIntegrationId") String id, @PathParam("path") String path,
                         @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy("POST", id, uri, headers, body);
    }

    @PUT
    @Operation(hidden = true)
    public Response put(@PathParam("organizationIntegrationId") String id, @PathParam("path") String path,
                        @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy("PUT", id, uri, headers, body);
    }

    @PATCH
    @Operation(hidden = true)
    public Response patch(@PathParam("organizationIntegrationId") String id, @PathParam("path") String path,
                          @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return proxy("PATCH", id, uri, headers, body);
    }

    private Response proxy(String method, String id, UriInfo uri, HttpHeaders headers, byte[] body) {
        URI requested = uri.getRequestUri();
        String caller = verifier.verify(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                IntegrationProxyPaths.signedPath(method, requested.getRawPath(), requested.getRawQuery()), body);
        Optional<String> callerRegion = callerRegion(caller);
        long organizationIntegrationId = parseId(id);
        String rawPath = requested.getRawPath();
        String providerPath = rawPath.substring(rawPath.indexOf(IntegrationProxyPaths.PREFIX + id) + (IntegrationProxyPaths.PREFIX + id).length());

        IntegrationTokens.ProxyGrant grant = tokens.grant(organizationIntegrationId, callerRegion);
        URI base = grant.provider().apiUrl();
        URI target = ProviderAddress.resolve(base, providerPath, requested.getRawQuery());
        checkResolvedAddresses(base);
        Duration timeout = this.timeout.get();
        ClassicHttpResponse answer = send(method, target, body, grant.accessToken(), base, headers, timeout);
        if (answer.getCode() == 401) {
            close(answer);
            grant = tokens.afterRejection(grant.integrationId(), grant.accessToken());
            answer = send(method, target, body, grant.accessToken(), base, headers, timeout);
        }
        Response.ResponseBuilder response = Response.status(answer.getCode());
        for (Header header : answer.getHeaders()) {
            if (COPIED_RESPONSE_HEADERS.contains(header.getName().toLowerCase(Locale.ROOT))) {
                response.header(header.getName(), header.getValue());
            }
        }
        ClassicHttpResponse answered = answer;
        return response.entity((StreamingOutput) to -> {
            try (answered) {
                if (answered.getEntity() != null) {
                    try (InputStream from = answered.getEntity().getContent()) {
                        from.transferTo(to);
                    }
                }
            }
        }).build();
    }

    /** The provider's answer, following redirects only within its API base URL. */
    private ClassicHttpResponse send(String method, URI target, byte[] body, String accessToken, URI base,
                                     HttpHeaders headers, Duration timeout) {
        URI next = target;
        for (int hop = 0; ; hop++) {
            ClassicHttpResponse answer = sendOnce(method, next, body, accessToken, headers, timeout);
            int status = answer.getCode();
            Header locationHeader = answer.getFirstHeader("Location");
            if (status < 300 || status >= 400 || status == 304 || locationHeader == null) {
                return answer;
            }
            close(answer);
            URI location;
            try {
                location = next.resolve(locationHeader.getValue().strip());
            } catch (IllegalArgumentException e) {
                throw badGateway("The provider redirected to an invalid Location");
            }
            if (!ProviderAddress.within(base, location)) {
                throw ApiException.forbidden("The provider redirected to " + location.getScheme() + "://"
                        + location.getRawAuthority() + ", outside its API base URL " + base + ": not followed");
            }
            if (hop + 1 >= MAX_REDIRECTS) {
                throw badGateway("The provider redirected more than " + MAX_REDIRECTS + " times");
            }
            next = location;
        }
    }

    private ClassicHttpResponse sendOnce(String method, URI target, byte[] body, String accessToken,
                                         HttpHeaders headers, Duration timeout) {
        Map<String, List<String>> forwarded = new LinkedHashMap<>();
        forwarded.put("Authorization", List.of("Bearer " + accessToken));
        headers.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED_REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                forwarded.put(name, values);
            }
        });
        try {
            return client.send(method, target, body, forwarded, timeout);
        } catch (SocketTimeoutException e) {
            throw badGateway("The provider did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw badGateway("The provider's API cannot be reached (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The address rule of {@link ProviderAddress}, on what the base URL's host resolves to now. */
    private static void checkResolvedAddresses(URI base) {
        if (ProviderAddress.namesLoopback(base)) {
            return;
        }
        try {
            ProviderAddress.checkAddresses(base, InetAddress.getAllByName(base.getHost()));
        } catch (UnknownHostException e) {
            throw badGateway("The provider's API host " + base.getHost() + " does not resolve");
        }
    }

    /** A region of the directory on a CONTROL server; anyone (itself) on a MONOLITH server, which holds every organization. */
    private Optional<String> callerRegion(String caller) {
        if (silo.mode() == SiloMode.MONOLITH) {
            return Optional.empty();
        }
        if (caller.startsWith("region-") && regions.find(caller.substring("region-".length())).isPresent()) {
            return Optional.of(caller.substring("region-".length()));
        }
        throw ApiException.forbidden(caller + " may not call the integration proxy: only regions do");
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No organization integration '" + id + "'");
        }
    }

    private static void close(ClassicHttpResponse answer) {
        try {
            answer.close();
        } catch (IOException ignored) {
            // the connection is dropped instead of reused
        }
    }

    private static ApiException badGateway(String detail) {
        return new ApiException(Response.Status.BAD_GATEWAY, detail);
    }
}
