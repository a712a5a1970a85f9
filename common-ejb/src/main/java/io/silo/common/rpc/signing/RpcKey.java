package io.silo.common.rpc.signing;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;

/** A shared secret for signing RPC calls, named by its id in every signature it makes. */
public record RpcKey(String id, byte[] secret) {

    public static RpcKey of(String id, String secret) {
        return new RpcKey(id, secret.getBytes(StandardCharsets.UTF_8));
    }

    SecretKeySpec spec() {
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String toString() {
        return "RpcKey[" + id + "]";
    }
}
