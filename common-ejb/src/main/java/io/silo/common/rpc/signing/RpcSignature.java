package io.silo.common.rpc.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;

/**
 * The {@code Authorization: Rpcsignature key="…",ts="…",nonce="…",caller="…",sig="…"} header of an RPC call:
 * HMAC-SHA256, under the named key, over the method path, the timestamp (epoch seconds), the nonce, the
 * calling silo and the raw body, each followed by a newline except the body.
 */
public record RpcSignature(String keyId, long timestamp, String nonce, String caller, String signature) {

    public static final String SCHEME = "Rpcsignature";

    private static final Pattern PARAMETER = Pattern.compile("\\s*([a-z]+)=\"([^\"]*)\"\\s*(?:,|$)");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern CALLER = Pattern.compile("control|monolith|region-[a-z][a-z0-9-]{0,31}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Mac.getInstance costs a provider lookup; one instance per thread, initialised per key, does not. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    });

    public static RpcSignature sign(RpcKey key, String path, long timestamp, String caller, byte[] body) {
        byte[] nonceBytes = new byte[18];
        RANDOM.nextBytes(nonceBytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(nonceBytes);
        return new RpcSignature(key.id(), timestamp, nonce, caller, mac(key, path, timestamp, nonce, caller, body));
    }

    /** @throws IllegalArgumentException saying what is malformed */
    public static RpcSignature parse(String header) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            throw new IllegalArgumentException("no Authorization: " + SCHEME + " header");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(header.substring(SCHEME.length() + 1));
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            parameters.put(matcher.group(1), matcher.group(2));
            end = matcher.end();
        }
        if (end != header.length() - SCHEME.length() - 1) {
            throw new IllegalArgumentException("malformed " + SCHEME + " header");
        }
        for (String name : new String[] {"key", "ts", "nonce", "caller", "sig"}) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException(SCHEME + " header has no " + name);
            }
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(parameters.get("ts"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SCHEME + " timestamp is not a number");
        }
        if (!NONCE.matcher(parameters.get("nonce")).matches()) {
            throw new IllegalArgumentException(SCHEME + " nonce must be 16-64 URL-safe base64 characters");
        }
        if (!CALLER.matcher(parameters.get("caller")).matches()) {
            throw new IllegalArgumentException(SCHEME + " caller is not a silo name");
        }
        return new RpcSignature(parameters.get("key"), timestamp, parameters.get("nonce"), parameters.get("caller"),
                parameters.get("sig"));
    }

    public String header() {
        return SCHEME + " key=\"" + keyId + "\",ts=\"" + timestamp + "\",nonce=\"" + nonce + "\",caller=\"" + caller
                + "\",sig=\"" + signature + "\"";
    }

    /** Whether this signature was made with {@code key} over exactly this path and body. Constant time. */
    public boolean matches(RpcKey key, String path, byte[] body) {
        byte[] expected = mac(key, path, timestamp, nonce, caller, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(RpcKey key, String path, long timestamp, String nonce, String caller, byte[] body) {
        try {
            Mac mac = MAC.get();
            mac.init(key.spec());
            mac.update((path + "\n" + timestamp + "\n" + nonce + "\n" + caller + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 refused the key " + key.id(), e);
        }
    }
}
