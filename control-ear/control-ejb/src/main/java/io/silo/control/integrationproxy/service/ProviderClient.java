package io.silo.control.integrationproxy.service;

import io.silo.common.silo.ControlSilo;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Control's HTTP client to the integrations' providers (GitHub, Slack, Jira: their APIs and token endpoints), the same
 * library as the gateway's client to the regions: Apache HttpClient 5 classic, blocking on the caller's thread,
 * connections pooled per host. It follows no redirect (the integration proxy follows them itself, within the
 * provider's API), keeps no cookie, decompresses nothing and sends nothing twice: a provider's call is not
 * idempotent as a rule.
 */
@ApplicationScoped
@ControlSilo
public class ProviderClient {

    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build())
                    .setMaxConnPerRoute(64).setMaxConnTotal(256).build())
            .evictIdleConnections(TimeValue.ofSeconds(30))
            .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().disableContentCompression()
            .disableAuthCaching().disableDefaultUserAgent().build();

    /**
     * Sends {@code body} (none when empty) with these headers and reads the answer's head within {@code timeout}; the
     * caller reads the body from the answer's entity and closes the answer.
     */
    public ClassicHttpResponse send(String method, URI target, byte[] body, Map<String, List<String>> headers,
                                    Duration timeout) throws IOException {
        HttpHost host = HttpHost.create(target);
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, host,
                target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        headers.forEach((name, values) -> values.forEach(value -> request.addHeader(name, value)));
        if (body.length > 0) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        return client.executeOpen(host, request, context);
    }

    @PreDestroy
    void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
