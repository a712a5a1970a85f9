package io.silo.region.integration.service;

import io.silo.common.integration.IntegrationProxyPaths;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.rpc.signing.RpcSignature;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a region calls a third-party API (GitHub, Slack, Jira) for one of its organizations: through control's
 * integration proxy, which alone holds the OAuth tokens. The request is signed with the RPC keys, as this region
 * ({@code region-<name>}), over {@code "<METHOD> <path>?<query>"} and the body; control adds the token, forwards
 * to the provider's API and answers with the provider's status, headers and body, or a problem+json of its own.
 */
@ApplicationScoped
@RegionSilo
public class IntegrationClient {

    /** A provider's answer, or control's refusal (then {@code contentType} is application/problem+json). */
    public record IntegrationResponse(int status, String contentType, byte[] body) {
    }

    @Inject
    RpcSettings settings;

    @Inject
    SiloIdentity silo;

    @Inject
    @ConfigProperty(name = "silo.integrations.proxy.timeout", defaultValue = "PT30S")
    Duration timeout;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Sends {@code method providerPath} (relative to the provider's API base, with an optional {@code ?query}) for
     * the organization integration {@code organizationIntegrationId}.
     */
    public CompletableFuture<IntegrationResponse> send(long organizationIntegrationId, String method, String providerPath,
                                                       Map<String, String> headers, byte[] body) {
        String relative = providerPath.startsWith("/") ? providerPath.substring(1) : providerPath;
        URI target = URI.create(settings.controlAddress().toString().replaceAll("/+$", "") + IntegrationProxyPaths.PREFIX
                + organizationIntegrationId + "/" + relative);
        String signedPath = IntegrationProxyPaths.signedPath(method, target.getRawPath(), target.getRawQuery());
        String signature = RpcSignature.sign(settings.keys().signing(), signedPath, Instant.now().getEpochSecond(),
                silo.siloName(), body).header();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout)
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", signature);
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(answer -> new IntegrationResponse(answer.statusCode(),
                        answer.headers().firstValue("Content-Type").orElse(null), answer.body()));
    }
}
