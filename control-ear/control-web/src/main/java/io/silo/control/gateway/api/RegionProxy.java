package io.silo.control.gateway.api;

import io.silo.common.region.Region;
import io.silo.common.web.ApiException;
import io.silo.common.web.Problem;
import io.silo.common.web.api.TrustedProxies;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Sends one request on to a region and streams the answer back: the method, path, query, end-to-end headers and
 * body as they came (the body streamed, never held whole), {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}
 * added, the region's address in {@code Link} and {@code Location} replaced by the one the client used. A region
 * that cannot be reached or does not start answering within {@code silo.gateway.read-timeout} gives 503 with
 * {@code Retry-After}.
 * <p>
 * The exchange itself is {@link RegionClient}'s (Apache HttpClient 5, blocking on the request's thread, pooled).
 */
final class RegionProxy {

    private static final Logger LOG = Logger.getLogger(RegionProxy.class.getName());
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,260}");

    private final Duration readTimeout;
    private final Duration retryAfter;
    private final TrustedProxies proxies;
    private final GatewayMetrics metrics;
    private final RegionClient client;

    RegionProxy(GatewaySettings settings, GatewayMetrics metrics) {
        this.readTimeout = settings.readTimeout();
        this.retryAfter = settings.retryAfter();
        this.proxies = new TrustedProxies(settings.trustedProxies());
        this.metrics = metrics;
        this.client = new RegionClient(settings.connectTimeout(), settings.readTimeout(), settings.maxIdle(),
                settings.maxConnections());
    }

    /** Closes the connections (the gateway is stopping). */
    void close() {
        client.close();
    }

    /**
     * Forwards the request to {@code region} with {@code body} as its body (the request's own stream, or one that
     * replays what the gateway already read of it) and headers of the gateway's own added (a forwarded session), and
     * writes the region's answer to {@code response}. Only an idempotent request without a body that finds its reused
     * connection closed by the region is sent once more, on a new one (see {@link RegionClient}).
     */
    void forward(HttpServletRequest request, HttpServletResponse response, Region region, InputStream body,
                 Map<String, String> addedHeaders, long startedNanos) throws IOException {
        URI address = region.address();
        String regionBase = base(address);
        String publicBase = publicBase(request);
        ClassicHttpResponse answer;
        try {
            answer = client.send(address, request.getMethod(), target(request, address),
                    requestHeaders(request, publicBase, addedHeaders), body, bodyLength(request));
        } catch (SocketTimeoutException e) {
            refuse(response, unavailable(region, "did not answer within " + readTimeout.toMillis() + " ms"), region.name(), startedNanos);
            return;
        } catch (IOException e) {
            refuse(response, unavailable(region, "cannot be reached (" + e.getClass().getSimpleName() + ")"), region.name(), startedNanos);
            return;
        }
        try (answer) {
            response.setStatus(answer.getCode());
            Set<String> namedByConnection = ProxyHeaders.namedByConnection(
                    Arrays.stream(answer.getHeaders("Connection")).map(Header::getValue).toList());
            for (Header header : answer.getHeaders()) {
                String name = header.getName();
                if (ProxyHeaders.copiesResponseHeader(name, namedByConnection)) {
                    response.addHeader(name, ProxyHeaders.rewritesAddresses(name)
                            ? ProxyHeaders.rewrite(header.getValue(), regionBase, publicBase) : header.getValue());
                }
            }
            HttpEntity entity = answer.getEntity();
            if (entity != null) {
                try (InputStream from = entity.getContent()) {
                    OutputStream to = response.getOutputStream();
                    from.transferTo(to);
                    to.flush();
                }
            }
        } catch (IOException e) {
            // the status is sent: all that can be done is to cut the answer short, which the client sees
            LOG.log(Level.WARNING, "Answer from region " + region.name() + " cut short: " + e);
            throw e;
        } finally {
            metrics.record(region.name(), answer.getCode(), startedNanos);
        }
    }

    /** Answers with the gateway's own refusal, counted for the region it concerns ({@code none} when no region). */
    void refuse(HttpServletResponse response, ApiException refusal, String region, long startedNanos) throws IOException {
        Problem problem = refusal.problem();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        refusal.headers().forEach(response::setHeader);
        response.getOutputStream().write(JSON.toJson(problem).getBytes(StandardCharsets.UTF_8));
        metrics.record(region, problem.status(), startedNanos);
    }

    /** 503 naming the region, with Retry-After. */
    ApiException unavailable(Region region, String why) {
        return unavailable("Region " + region.name() + " " + why + "; retry later");
    }

    ApiException unavailable(String detail) {
        return unavailable(detail, retryAfter);
    }

    static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds()))));
    }

    /** The path and query as they came, under the region address's own path. */
    private static String target(HttpServletRequest request, URI address) {
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String basePath = address.getRawPath() == null ? "" : address.getRawPath();
        return (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + path
                + (query == null ? "" : "?" + query);
    }

    /**
     * The headers for the region: the end-to-end headers, {@code X-Forwarded-*} and the added ones (the client
     * sets {@code Host} and the body's framing itself).
     */
    private static List<Header> requestHeaders(HttpServletRequest request, String publicBase,
                                               Map<String, String> addedHeaders) {
        List<Header> headers = new ArrayList<>(24);
        Set<String> namedByConnection = ProxyHeaders.namedByConnection(Collections.list(request.getHeaders("Connection")));
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (ProxyHeaders.forwardsRequestHeader(name, namedByConnection)) {
                Enumeration<String> values = request.getHeaders(name);
                while (values.hasMoreElements()) {
                    String value = values.nextElement();
                    if (ProxyHeaders.isValid(name, value)) {
                        headers.add(new BasicHeader(name, value));
                    } else {
                        LOG.fine(() -> "Header " + name + " not forwarded: not a valid HTTP header");
                    }
                }
            }
        }
        int schemeEnd = publicBase.indexOf("://");
        headers.add(new BasicHeader("X-Forwarded-For",
                ProxyHeaders.appendForwardedFor(joined(request, "X-Forwarded-For"), request.getRemoteAddr())));
        headers.add(new BasicHeader("X-Forwarded-Proto", publicBase.substring(0, schemeEnd)));
        headers.add(new BasicHeader("X-Forwarded-Host", publicBase.substring(schemeEnd + 3)));
        addedHeaders.forEach((name, value) -> headers.add(new BasicHeader(name, value)));
        return headers;
    }

    /**
     * The request body's length for the region: its {@code Content-Length}, 0 for none, -1 for a body of unknown
     * length (sent chunked).
     */
    private static long bodyLength(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null && BODILESS.contains(request.getMethod()))) {
            return 0;
        }
        return length > 0 ? length : -1;
    }

    /**
     * The scheme and authority the client used: this request's, or behind a trusted proxy the
     * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} it set.
     */
    private String publicBase(HttpServletRequest request) {
        boolean trusted = proxies.trusts(request.getRemoteAddr());
        String scheme = trusted ? first(request.getHeader("X-Forwarded-Proto")) : null;
        String host = trusted ? first(request.getHeader("X-Forwarded-Host")) : null;
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            scheme = request.getScheme();
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = request.getHeader("Host");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return scheme + "://" + host;
    }

    private static String first(String listed) {
        return listed == null ? null : listed.split(",", 2)[0].strip();
    }

    private static String joined(HttpServletRequest request, String name) {
        List<String> values = Collections.list(request.getHeaders(name));
        return values.isEmpty() ? null : String.join(", ", values);
    }

    private static String base(URI address) {
        String text = address.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
