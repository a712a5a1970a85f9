package io.silo.system.harness;

import io.silo.common.rpc.signing.RpcKey;
import io.silo.common.rpc.signing.RpcSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** RPC calls made by the test itself, straight to a silo's dispatch endpoint, signed or mis-signed on purpose. */
public final class SignedRpc {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SignedRpc() {
    }

    public static String path(String service, String method) {
        return "/api/0/internal/rpc/" + service + "/" + method;
    }

    /** A valid signature, made now, for this body. */
    public static RpcSignature sign(RpcKey key, String caller, String service, String method, String body) {
        return RpcSignature.sign(key, path(service, method), Instant.now().getEpochSecond(), caller,
                body.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> call(URI base, RpcKey key, String caller, String service, String method, String body) {
        return send(base, service, method, sign(key, caller, service, method, body).header(), body);
    }

    /** Posts {@code body} with whatever Authorization header the test chose (null for none). */
    public static HttpResponse<String> send(URI base, String service, String method, String authorization, String body) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("tests only talk to 127.0.0.1, not " + base);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path(service, method)))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
