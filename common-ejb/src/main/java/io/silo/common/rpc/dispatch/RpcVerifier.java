package io.silo.common.rpc.dispatch;

import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.rpc.signing.RpcKey;
import io.silo.common.rpc.signing.RpcSignature;
import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import io.silo.common.web.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;

/**
 * Checks the signature of an incoming RPC call, cheapest test first: well-formed, known key, HMAC over this
 * path and body, timestamp within the allowed skew, and only then the nonce, which is shared across the silo.
 */
@ApplicationScoped
@AllSilos
public class RpcVerifier {

    @Inject
    RpcSettings settings;

    @Inject
    RpcNonces nonces;

    /** @return the calling silo, as the signature names it */
    public String verify(String authorization, String path, byte[] body) {
        RpcSignature signature;
        try {
            signature = RpcSignature.parse(authorization);
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage());
        }
        RpcKey key;
        try {
            key = settings.keys().find(signature.keyId()).orElseThrow(() -> refused("Unknown RPC key id '" + signature.keyId() + "'"));
        } catch (RpcException e) {
            throw refused(e.getMessage());
        }
        if (!signature.matches(key, path, body)) {
            throw refused("RPC signature does not match the path and body");
        }
        long skew = Math.abs(Instant.now().getEpochSecond() - signature.timestamp());
        if (skew > settings.maxClockSkew().toSeconds()) {
            throw refused("RPC timestamp is " + skew + " s away from this server's clock; at most "
                    + settings.maxClockSkew().toSeconds() + " s are allowed");
        }
        if (!nonces.firstUse(signature.nonce())) {
            throw refused("RPC nonce was used before: the call is a replay");
        }
        return signature.caller();
    }

    private static ApiException refused(String detail) {
        return new ApiException(Problem.of(Response.Status.UNAUTHORIZED, detail),
                Map.of("WWW-Authenticate", RpcSignature.SCHEME));
    }
}
