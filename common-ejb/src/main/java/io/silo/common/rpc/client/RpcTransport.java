package io.silo.common.rpc.client;

import io.silo.common.rpc.RpcCircuitOpenException;
import io.silo.common.rpc.RpcMethod;
import io.silo.common.rpc.RpcNoReplyException;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.rpc.RpcUnavailableException;
import io.silo.common.rpc.signing.RpcSignature;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Sends signed calls to another silo's dispatch endpoint. MicroProfile Fault Tolerance retries what is safe
 * to retry, within the call's budget: an attempt the callee surely did not run (connection refused, 503)
 * always, a lost reply only for idempotent methods. Every attempt is signed afresh (a new nonce), and goes
 * through the target silo's circuit breaker. Delays and budgets can be tuned with Fault Tolerance's own
 * keys, e.g. {@code io.silo.common.rpc.client.RpcTransport/send/Retry/maxDuration}.
 */
@ApplicationScoped
@AllSilos
public class RpcTransport {

    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    @Inject
    RpcSettings settings;

    @Inject
    SiloIdentity silo;

    @Inject
    RpcCircuitBreakers circuits;

    private final Map<URI, RpcEndpoint> endpoints = new ConcurrentHashMap<>();

    @Retry(maxRetries = 3, delay = 100, jitter = 50, maxDuration = 5000,
            retryOn = RpcUnavailableException.class, abortOn = {RpcNoReplyException.class, RpcCircuitOpenException.class})
    public RpcReply send(RpcTarget target, RpcMethod method, byte[] body) {
        return attempt(target, method, body);
    }

    @Retry(maxRetries = 3, delay = 100, jitter = 50, maxDuration = 5000,
            retryOn = RpcUnavailableException.class, abortOn = RpcCircuitOpenException.class)
    public RpcReply sendIdempotent(RpcTarget target, RpcMethod method, byte[] body) {
        return attempt(target, method, body);
    }

    private RpcReply attempt(RpcTarget target, RpcMethod method, byte[] body) {
        String signature = RpcSignature.sign(settings.keys().signing(), method.path(), Instant.now().getEpochSecond(),
                silo.siloName(), body).header();
        circuits.beforeAttempt(target.name());
        try (Response response = endpoint(target.address()).call(method.service(), method.name(), signature, body)) {
            if (response.getStatus() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
                circuits.failed(target.name());
                throw new RpcUnavailableException(target.name() + " answered 503 to " + method.qualifiedName(), null);
            }
            circuits.succeeded(target.name());
            return new RpcReply(response.getStatus(), response.hasEntity() ? response.readEntity(byte[].class) : new byte[0]);
        } catch (ProcessingException e) {
            circuits.failed(target.name());
            if (notConnected(e)) {
                throw new RpcUnavailableException("Cannot connect to " + target.name() + " at " + target.address(), e);
            }
            throw new RpcNoReplyException("No reply from " + target.name() + " to " + method.qualifiedName()
                    + " within " + settings.timeout().toMillis() + " ms", e);
        }
    }

    private static boolean notConnected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException && String.valueOf(cause.getMessage()).contains("connect")) {
                return true;
            }
        }
        return false;
    }

    private RpcEndpoint endpoint(URI address) {
        return endpoints.computeIfAbsent(address, base -> RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, Boolean.TRUE)
                .build(RpcEndpoint.class));
    }
}
