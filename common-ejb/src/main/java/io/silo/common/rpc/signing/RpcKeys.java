package io.silo.common.rpc.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The RPC key list from {@code silo.rpc.keys}: {@code id:secret} pairs separated by commas. The first key
 * signs, every key verifies, so keys rotate without downtime: add the new key second on every server,
 * then move it first, then remove the old one.
 */
public final class RpcKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MIN_SECRET_LENGTH = 16;

    private final List<RpcKey> keys;

    private RpcKeys(List<RpcKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** @throws IllegalArgumentException naming what is wrong, never the secret */
    public static RpcKeys parse(String list) {
        List<RpcKey> keys = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("silo.rpc.keys: an entry is not id:secret");
            }
            String id = trimmed.substring(0, colon);
            String secret = trimmed.substring(colon + 1);
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("silo.rpc.keys: key id '" + id + "' must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("silo.rpc.keys: the secret of key '" + id + "' is shorter than "
                        + MIN_SECRET_LENGTH + " characters");
            }
            if (keys.stream().anyMatch(key -> key.id().equals(id))) {
                throw new IllegalArgumentException("silo.rpc.keys: key id '" + id + "' is listed twice");
            }
            keys.add(RpcKey.of(id, secret));
        }
        return new RpcKeys(keys);
    }

    public RpcKey signing() {
        return keys.get(0);
    }

    public Optional<RpcKey> find(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst();
    }
}
