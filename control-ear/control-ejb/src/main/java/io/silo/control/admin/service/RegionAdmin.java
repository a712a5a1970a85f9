package io.silo.control.admin.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.ForwardedSession;
import io.silo.common.region.Region;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls a region's outbox admin endpoints ({@code /api/0/admin/outbox/…}) for an operator, signed as control: the
 * operator's principal travels as a {@link ForwardedSession}, which the region verifies as it does the gateway's.
 * So one address, control's, reaches every silo's backlog and dead letters.
 */
@ApplicationScoped
@ControlSilo
public class RegionAdmin {

    public static final String OUTBOX = "/api/0/admin/outbox/";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    RpcSettings rpcSettings;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** What the region answered: status, content type, body, and its {@code Link} header if any. */
    public record Answer(int status, String contentType, String body, Optional<String> link) {
    }

    /**
     * {@code method} on the region's {@code /api/0/admin/outbox/<path>?<query>} for {@code operator}; 503 if the
     * region does not answer.
     */
    public Answer outbox(Region region, String method, String path, String query, ApiPrincipal operator) {
        String target = OUTBOX + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(region.address().resolve(target
                        + (query == null || query.isEmpty() ? "" : "?" + query)))
                .timeout(TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json");
        ForwardedSession.sign(rpcSettings.keys(), target, operator).forEach(request::header);
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"),
                    answer.body(), answer.headers().firstValue("Link"));
        } catch (IOException e) {
            throw ApiException.unavailable("Region " + region.name() + " did not answer: " + e.getMessage(), 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while asking region " + region.name(), 5);
        }
    }

    /** The region's own address of its outbox admin endpoints, to rewrite the links it answers with. */
    public static URI outboxBase(Region region) {
        return region.address().resolve(OUTBOX);
    }
}
