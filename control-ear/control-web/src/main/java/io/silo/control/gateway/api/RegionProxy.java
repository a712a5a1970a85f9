package io.silo.control.gateway.api;

import io.silo.common.region.Region;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Problem;
import io.silo.common.web.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one request on to a region and streams the answer back: the method, path, query, end-to-end headers and
 * body as they came (the body streamed, never held whole), {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}
 * added, the region's address in {@code Link} and {@code Location} replaced by the one the client used. A region
 * that cannot be reached or does not start answering within {@code silo.gateway.read-timeout} gives 503 with
 * {@code Retry-After}.
 */
@ApplicationScoped
@ControlSilo
public class RegionProxy {

    private static final Logger LOG = Logger.getLogger(RegionProxy.class.getName());
    private static final Set<String> BODILESS = Set.of("GET", "HEAD", "DELETE", "OPTIONS", "TRACE");
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,260}");

    @Inject
    @ConfigProperty(name = "silo.gateway.connect-timeout", defaultValue = "PT2S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "silo.gateway.read-timeout", defaultValue = "PT30S")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "silo.gateway.retry-after", defaultValue = "PT5S")
    Duration retryAfter;

    @Inject
    @ConfigProperty(name = "silo.http.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    GatewayMetrics metrics;

    /** For requests with a body: the publisher reads the servlet stream, which may block, on the client's pool. */
    private HttpClient client;
    /**
     * For requests without a body (most of the API): the client's work runs on its own selector thread instead of
     * being handed to a pool thread and back at each step, which measured as most of the gateway's latency. Safe
     * because nothing it runs then blocks: the answer's body is read by the request's own thread.
     */
    private HttpClient bodilessClient;
    private TrustedProxies proxies;

    @PostConstruct
    void createClients() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        bodilessClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).executor(Runnable::run).build();
        proxies = new TrustedProxies(trustedProxies);
    }

    /**
     * Forwards the request to {@code region} with {@code body} as its body (the request's own stream, or one that
     * replays what the gateway already read of it) and writes the region's answer to {@code response}.
     */
    public void forward(HttpServletRequest request, HttpServletResponse response, Region region, InputStream body,
                        long startedNanos) throws IOException {
        forward(request, response, region, body, Map.of(), startedNanos);
    }

    /** As above, with headers of the gateway's own added (a forwarded session). */
    public void forward(HttpServletRequest request, HttpServletResponse response, Region region, InputStream body,
                        Map<String, String> addedHeaders, long startedNanos) throws IOException {
        String regionBase = base(region.address());
        String publicBase = publicBase(request);
        HttpResponse<InputStream> answer;
        try {
            HttpRequest.Builder built = regionRequest(request, regionBase, publicBase, body);
            addedHeaders.forEach(built::header);
            HttpRequest forwarded = built.build();
            HttpClient sender = forwarded.bodyPublisher().map(HttpRequest.BodyPublisher::contentLength).orElse(0L) == 0
                    ? bodilessClient : client;
            answer = sender.send(forwarded, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            refuse(response, unavailable(region, "did not answer within " + readTimeout.toMillis() + " ms"), region.name(), startedNanos);
            return;
        } catch (IOException e) {
            refuse(response, unavailable(region, "cannot be reached (" + e.getClass().getSimpleName() + ")"), region.name(), startedNanos);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response, unavailable(region, "was not asked: the gateway is shutting down"), region.name(), startedNanos);
            return;
        }
        response.setStatus(answer.statusCode());
        Set<String> namedByConnection = ProxyHeaders.namedByConnection(answer.headers().allValues("Connection"));
        answer.headers().map().forEach((name, values) -> {
            if (ProxyHeaders.copiesResponseHeader(name, namedByConnection)) {
                for (String value : values) {
                    response.addHeader(name, ProxyHeaders.rewritesAddresses(name)
                            ? ProxyHeaders.rewrite(value, regionBase, publicBase) : value);
                }
            }
        });
        try (InputStream from = answer.body()) {
            OutputStream to = response.getOutputStream();
            from.transferTo(to);
            to.flush();
        } catch (IOException e) {
            // the status is sent: all that can be done is to cut the answer short, which the client sees
            LOG.log(Level.WARNING, "Answer from region " + region.name() + " cut short: " + e);
            throw e;
        } finally {
            metrics.record(region.name(), answer.statusCode(), startedNanos);
        }
    }

    /** Answers with the gateway's own refusal, counted for the region it concerns ({@code none} when no region). */
    public void refuse(HttpServletResponse response, ApiException refusal, String region, long startedNanos) throws IOException {
        Problem problem = refusal.problem();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        refusal.headers().forEach(response::setHeader);
        response.getOutputStream().write(JSON.toJson(problem).getBytes(StandardCharsets.UTF_8));
        metrics.record(region, problem.status(), startedNanos);
    }

    /** 503 naming the region, with Retry-After. */
    public ApiException unavailable(Region region, String why) {
        return unavailable("Region " + region.name() + " " + why + "; retry later");
    }

    public ApiException unavailable(String detail) {
        return unavailable(detail, retryAfter);
    }

    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfter.toSeconds()))));
    }

    private HttpRequest.Builder regionRequest(HttpServletRequest request, String regionBase, String publicBase, InputStream body) {
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(regionBase + path + (query == null ? "" : "?" + query)))
                .timeout(readTimeout)
                .method(request.getMethod(), bodyOf(request, body));
        Set<String> namedByConnection = ProxyHeaders.namedByConnection(Collections.list(request.getHeaders("Connection")));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (ProxyHeaders.forwardsRequestHeader(name, namedByConnection)) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    addIfValid(forwarded, name, value);
                }
            }
        }
        String peer = request.getRemoteAddr();
        URI publicUri = URI.create(publicBase);
        return forwarded
                .header("X-Forwarded-For", ProxyHeaders.appendForwardedFor(joined(request, "X-Forwarded-For"), peer))
                .header("X-Forwarded-Proto", publicUri.getScheme())
                .header("X-Forwarded-Host", publicUri.getRawAuthority());
    }

    /** A header the HTTP client refuses (a name it reserves, a value with control characters) is not sent. */
    private static void addIfValid(HttpRequest.Builder request, String name, String value) {
        try {
            request.header(name, value);
        } catch (IllegalArgumentException e) {
            LOG.fine(() -> "Header " + name + " not forwarded: " + e.getMessage());
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(HttpServletRequest request, InputStream body) {
        long length = request.getContentLengthLong();
        if (length == 0 || (length < 0 && request.getHeader("Transfer-Encoding") == null && BODILESS.contains(request.getMethod()))) {
            return HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> body);
        return length > 0 ? HttpRequest.BodyPublishers.fromPublisher(stream, length) : stream;
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
