package io.silo.control.integrationproxy.service;

import io.silo.common.web.ApiException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the integration proxy may send a request: only under the provider's configured API base URL (same scheme,
 * host and port, a path under the base's path). The rule on addresses: a target whose host resolves to a loopback,
 * private (site-local, unique-local), link-local, wildcard or multicast address is refused, EXCEPT when the
 * configured base URL itself names a loopback address ({@code 127.0.0.1}, {@code ::1}, {@code localhost}) — a
 * deliberate, local set-up such as the tests'. So a public host name that an attacker makes resolve to an internal
 * address (DNS rebinding) is never reached, and a base URL pointing at a private network is refused too.
 */
public final class ProviderAddress {

    /** Path segments after the integration id: no scheme, no authority, no dot segments, no backslashes. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    private ProviderAddress() {
    }

    /**
     * The absolute URI for {@code path} (relative to the base, no leading slash needed) and {@code query}.
     *
     * @throws ApiException 403 when the path would leave the base URL (another host, a scheme, {@code ..})
     */
    public static URI resolve(URI base, String path, String query) {
        String relative = path == null ? "" : path;
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        // a colon in the first segment would read as a scheme (RFC 3986 §4.2): "http:/elsewhere" is not a path
        if (!SAFE_PATH.matcher(relative).matches() || relative.contains("//") || relative.split("/", 2)[0].contains(":")) {
            throw refused("The path '" + abbreviate(path) + "' is not a plain path under the provider's API");
        }
        for (String segment : relative.split("/")) {
            String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/").replace("%5c", "\\");
            if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/") || decoded.contains("\\")) {
                throw refused("The path '" + abbreviate(path) + "' leaves the provider's API base URL");
            }
        }
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String joined = (basePath.endsWith("/") ? basePath : basePath + "/") + relative;
        try {
            URI target = new URI(base.getScheme() + "://" + base.getRawAuthority() + joined
                    + (query == null || query.isEmpty() ? "" : "?" + query));
            if (!within(base, target)) {
                throw refused("The path '" + abbreviate(path) + "' leaves the provider's API base URL");
            }
            return target;
        } catch (URISyntaxException e) {
            throw refused("The path '" + abbreviate(path) + "' is not a valid URI path: " + e.getReason());
        }
    }

    /** Whether {@code target} (e.g. a redirect's Location, already resolved) lies under {@code base}. */
    public static boolean within(URI base, URI target) {
        if (target.getScheme() == null || target.getRawAuthority() == null) {
            return false;
        }
        URI normalized = target.normalize();
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String targetPath = normalized.getRawPath() == null || normalized.getRawPath().isEmpty() ? "/" : normalized.getRawPath();
        return base.getScheme().equalsIgnoreCase(normalized.getScheme())
                && base.getRawAuthority().equalsIgnoreCase(normalized.getRawAuthority())
                && !targetPath.contains("/../") && !targetPath.endsWith("/..")
                && (targetPath.equals(basePath) || targetPath.startsWith(basePath.endsWith("/") ? basePath : basePath + "/"));
    }

    /**
     * Applies the address rule to the addresses the base URL's host resolved to.
     *
     * @throws ApiException 403 naming the address refused
     */
    public static void checkAddresses(URI base, InetAddress... resolved) {
        if (namesLoopback(base)) {
            return;
        }
        for (InetAddress address : resolved) {
            if (internal(address)) {
                throw refused("The provider's API host " + base.getHost() + " resolves to the internal address "
                        + address.getHostAddress() + "; the proxy reaches internal addresses only when the configured"
                        + " API base URL itself is a loopback address");
            }
        }
    }

    /** Whether the configured base URL itself names a loopback host, the one exception to the address rule. */
    public static boolean namesLoopback(URI base) {
        String host = base.getHost() == null ? "" : base.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        // IPv6 unique-local fc00::/7 and IPv4 carrier-grade NAT 100.64.0.0/10, which Java does not call site-local
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc
                || bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    private static ApiException refused(String detail) {
        return ApiException.forbidden(detail);
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
