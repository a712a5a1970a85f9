package io.silo.common.auth;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of API tokens: a prefix that secret scanners and people recognise, then 256 random bits.
 * <ul>
 *   <li>user token: {@code silo_u_<43 base64url characters>}</li>
 *   <li>organization token: {@code silo_o_<region>_<43 base64url characters>} — the region of the
 *       organization, so control's gateway routes the request without looking anything up</li>
 * </ul>
 */
public final class TokenFormat {

    public static final String USER_PREFIX = "silo_u_";
    public static final String ORGANIZATION_PREFIX = "silo_o_";
    private static final int SECRET_BYTES = 32;
    private static final String SECRET = "[A-Za-z0-9_-]{43}";
    private static final Pattern USER = Pattern.compile(USER_PREFIX + SECRET);
    private static final Pattern ORGANIZATION = Pattern.compile(ORGANIZATION_PREFIX + "([a-z][a-z0-9-]{0,31})_" + SECRET);

    private TokenFormat() {
    }

    public static String newUserToken() {
        return USER_PREFIX + SecretDigest.randomSecret(SECRET_BYTES);
    }

    public static String newOrganizationToken(String region) {
        if (!region.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("not a region name: " + region);
        }
        return ORGANIZATION_PREFIX + region + "_" + SecretDigest.randomSecret(SECRET_BYTES);
    }

    /** Whether a string can be a token at all: anything else is refused before any database lookup. */
    public static boolean isWellFormed(String token) {
        return USER.matcher(token).matches() || ORGANIZATION.matcher(token).matches();
    }

    /** The region named in an organization token's prefix. */
    public static Optional<String> regionOf(String token) {
        Matcher matcher = ORGANIZATION.matcher(token);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** What lists show of a token: its prefix and last four characters, enough to tell tokens apart. */
    public static String hint(String token) {
        int secretStart = token.length() - 43;
        return token.substring(0, secretStart) + "…" + token.substring(token.length() - 4);
    }
}
