package io.silo.common.auth;

import io.silo.common.rpc.dispatch.RpcVerifier;
import io.silo.common.rpc.signing.RpcKeys;
import io.silo.common.rpc.signing.RpcSignature;
import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A login session carried through control's API gateway to a region. Sessions live only in control, so the gateway
 * verifies the session cookie (and the CSRF token of a state-changing request) and sends the session's user and
 * scopes in {@link #HEADER}, signed like an RPC call ({@link #SIGNATURE_HEADER}: HMAC over the request path, time,
 * nonce and the header's value, with the RPC keys, nonce used once). A region accepts it only signed by control;
 * the gateway never forwards these headers from a client.
 */
@ApplicationScoped
@AllSilos
public class ForwardedSession {

    public static final String HEADER = "X-Silo-Session";
    public static final String SIGNATURE_HEADER = "X-Silo-Session-Signature";
    private static final String CONTROL = "control";

    @Inject
    RpcVerifier verifier;

    /** The two headers that carry {@code session}'s principal to a region for the request at {@code path}. */
    public static Map<String, String> sign(RpcKeys keys, String path, ApiPrincipal session) {
        String value = session.userId().orElseThrow() + " "
                + session.scopes().stream().map(Scope::value).sorted().collect(Collectors.joining(","));
        RpcSignature signature = RpcSignature.sign(keys.signing(), path, Instant.now().getEpochSecond(), CONTROL,
                value.getBytes(StandardCharsets.UTF_8));
        return Map.of(HEADER, value, SIGNATURE_HEADER, signature.header());
    }

    /** The session's principal, if the headers are control's and unused; 401 for anything forged or replayed. */
    public ApiPrincipal verify(String value, String signature, String path) {
        if (signature == null) {
            throw ApiException.unauthorized("A forwarded session must be signed by control");
        }
        String caller = verifier.verify(signature, path, value.getBytes(StandardCharsets.UTF_8));
        if (!CONTROL.equals(caller)) {
            throw ApiException.unauthorized("Only control forwards login sessions");
        }
        String[] parts = value.split(" ", 2);
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (parts.length == 2) {
            Arrays.stream(parts[1].split(",")).map(Scope::fromValue).flatMap(Optional::stream).forEach(scopes::add);
        }
        try {
            return ApiPrincipal.session(Long.parseLong(parts[0]), scopes);
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("Malformed forwarded session");
        }
    }
}
