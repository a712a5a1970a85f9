package io.silo.control.gateway.api;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which headers cross the gateway and how: hop-by-hop headers (RFC 9110 §7.6.1) and those a {@code Connection}
 * header names stay on their hop, {@code X-Forwarded-*} are set by the gateway, and the region's own address in
 * {@code Link} and {@code Location} becomes the one the client used.
 */
final class ProxyHeaders {

    /** Hop-by-hop in either direction; {@code Host} is the region's, set by the HTTP client. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    /**
     * Request headers the gateway replaces or drops besides: the body's length comes from the body itself,
     * {@code Expect} was answered by this server, login cookies belong to control (regions take none), and the
     * {@code X-Forwarded-*} headers and a forwarded session ({@code X-Silo-Session*}) are the gateway's to set.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("content-length", "expect", "cookie", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "x-silo-session", "x-silo-session-signature");

    private ProxyHeaders() {
    }

    /** The header names listed in the {@code Connection} header values, lowercased. */
    static Set<String> namedByConnection(Iterable<String> connectionValues) {
        Set<String> named = new HashSet<>();
        for (String value : connectionValues) {
            Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                    .map(name -> name.toLowerCase(Locale.ROOT)).forEach(named::add);
        }
        return named;
    }

    static boolean forwardsRequestHeader(String name, Set<String> namedByConnection) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !NOT_FORWARDED.contains(lower) && !namedByConnection.contains(lower);
    }

    static boolean copiesResponseHeader(String name, Set<String> namedByConnection) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !HOP_BY_HOP.contains(lower) && !namedByConnection.contains(lower) && !lower.startsWith(":");
    }

    /**
     * Whether a header can be written as it is: its name an HTTP token, its value free of control characters
     * (a line break would start a header of the client's choosing) and of anything beyond ISO-8859-1.
     */
    static boolean isValid(String name, String value) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    /** {@code X-Forwarded-For} with the peer appended, as every proxy on the way appends its own client. */
    static String appendForwardedFor(String existing, String peer) {
        return existing == null || existing.isBlank() ? peer : existing.strip() + ", " + peer;
    }

    static boolean rewritesAddresses(String name) {
        return name.equalsIgnoreCase("Link") || name.equalsIgnoreCase("Location");
    }

    /** A {@code Link} or {@code Location} value with every URL on the region's address moved to the public base. */
    static String rewrite(String value, String regionBase, String publicBase) {
        StringBuilder rewritten = new StringBuilder(value.length() + 16);
        int from = 0;
        int at;
        while ((at = indexOfIgnoreCase(value, regionBase, from)) >= 0) {
            rewritten.append(value, from, at).append(publicBase);
            from = at + regionBase.length();
        }
        return rewritten.append(value, from, value.length()).toString();
    }

    /** Where the base starts a URL at or after {@code from}: the base then ends the authority (not :80801). */
    private static int indexOfIgnoreCase(String value, String base, int from) {
        for (int i = from; i <= value.length() - base.length(); i++) {
            int end = i + base.length();
            if (value.regionMatches(true, i, base, 0, base.length())
                    && (end == value.length() || "/?#>;, ".indexOf(value.charAt(end)) >= 0)) {
                return i;
            }
        }
        return -1;
    }
}
