package io.silo.region.ingest.service;

import java.net.URI;
import java.util.Locale;

/**
 * Where an SDK request names its project key, in the order Sentry reads them: the {@code X-Sentry-Auth} header
 * ({@code Sentry sentry_key=…, sentry_version=7, …}; the same in {@code Authorization} from old SDKs), the
 * {@code sentry_key} query parameter (browsers), then the envelope header's {@code dsn}.
 */
public record DsnCredentials(String sentryAuthHeader, String authorizationHeader, String queryKey) {

    /** The public key the request names, or null when it names none. */
    public String publicKey(String envelopeDsn) {
        String key = fromAuthHeader(sentryAuthHeader);
        if (key == null && authorizationHeader != null
                && authorizationHeader.strip().toLowerCase(Locale.ROOT).startsWith("sentry ")) {
            key = fromAuthHeader(authorizationHeader);
        }
        if (key == null && queryKey != null && !queryKey.isBlank()) {
            key = queryKey.strip();
        }
        if (key == null && envelopeDsn != null) {
            key = fromDsn(envelopeDsn);
        }
        return key;
    }

    static String fromAuthHeader(String header) {
        if (header == null) {
            return null;
        }
        String fields = header.strip();
        if (fields.regionMatches(true, 0, "Sentry ", 0, 7)) {
            fields = fields.substring(7);
        }
        for (String field : fields.split(",")) {
            int equals = field.indexOf('=');
            if (equals > 0 && field.substring(0, equals).strip().equalsIgnoreCase("sentry_key")) {
                String value = field.substring(equals + 1).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** {@code {scheme}://{public_key}[:{secret}]@{host}/{project_id}}: the public key, or null. */
    static String fromDsn(String dsn) {
        try {
            String userInfo = URI.create(dsn.strip()).getRawUserInfo();
            if (userInfo == null || userInfo.isEmpty()) {
                return null;
            }
            int colon = userInfo.indexOf(':');
            return colon >= 0 ? userInfo.substring(0, colon) : userInfo;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
