package io.silo.common.web.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies in front of a server ({@code silo.http.trusted-proxies}, comma-separated addresses) whose
 * {@code X-Forwarded-*} headers are believed; nobody else's are.
 */
public final class TrustedProxies {

    private final List<String> addresses;

    public TrustedProxies(Optional<String> configured) {
        this.addresses = configured.map(list -> Arrays.stream(list.split(",")).map(String::strip)
                .filter(address -> !address.isEmpty()).toList()).orElse(List.of());
    }

    public boolean trusts(String peer) {
        return addresses.contains(peer);
    }

    /** The client's address: the peer's, or behind trusted proxies the last address they did not add themselves. */
    public String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusts(hops.get(i))) {
                return hops.get(i).length() <= 64 ? hops.get(i) : peer;
            }
        }
        return peer;
    }
}
