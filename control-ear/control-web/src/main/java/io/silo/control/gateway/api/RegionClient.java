package io.silo.control.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The gateway's HTTP client to the region servers: Apache HttpClient 5 classic — blocking, on the request's own
 * thread, connections kept alive and pooled per region address. It follows no redirect, keeps no cookie, decompresses
 * nothing and adds no user agent: the client's request and the region's answer pass as they are.
 * <p>
 * A kept-alive connection the region closed meanwhile shows only once a request was written to it. Such a request is
 * sent again on a new connection only when that cannot apply it twice: an idempotent method (RFC 9110 §9.2.2) without
 * a body (a streamed body cannot be sent twice anyway). A POST or PATCH fails instead and the gateway answers 503,
 * since the region may have applied it before the connection broke. The region's own answers, a 503 or 429 too, go
 * back to the client as they are, never retried here.
 */
final class RegionClient implements AutoCloseable {

    private final CloseableHttpClient client;

    /**
     * @param connectTimeout  how long a new connection may take
     * @param readTimeout     the longest silence while waiting for the answer or within its body
     * @param maxIdle         how long an idle connection is kept (below the region's keep-alive timeout)
     * @param maxPerRegion    connections to one region at most; a request beyond waits for one
     */
    RegionClient(Duration connectTimeout, Duration readTimeout, Duration maxIdle, int maxPerRegion) {
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout)).build())
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true)
                                .setSoTimeout(Timeout.of(readTimeout)).build())
                        .setMaxConnPerRoute(maxPerRegion)
                        .setMaxConnTotal(Integer.MAX_VALUE).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(readTimeout)).setRedirectsEnabled(false).build())
                .setRetryStrategy(new DefaultHttpRequestRetryStrategy(1, TimeValue.ZERO_MILLISECONDS) {
                    @Override
                    public boolean retryRequest(HttpResponse answer, int execCount, HttpContext context) {
                        return false;
                    }
                })
                .evictIdleConnections(TimeValue.of(maxIdle))
                .disableRedirectHandling().disableCookieManagement().disableContentCompression()
                .disableAuthCaching().disableDefaultUserAgent().build();
    }

    /**
     * Sends a request to the region at {@code address}: {@code pathAndQuery} as it goes on the request line, the
     * headers to send, and {@code length} bytes of {@code body} (0: none; -1: chunked, until the body ends). The
     * answer's head is read; its body streams from the answer's entity, and closing the answer gives the connection
     * back (or drops it when the body was not read to its end).
     */
    ClassicHttpResponse send(URI address, String method, String pathAndQuery, List<Header> headers, InputStream body,
                             long length) throws IOException {
        HttpHost region = HttpHost.create(address);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, region, pathAndQuery);
        headers.forEach(request::addHeader);
        if (length != 0) {
            request.setEntity(new InputStreamEntity(body, length, null));
        }
        return client.executeOpen(region, request, null);
    }

    /** Closes every connection (the gateway is stopping). */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
