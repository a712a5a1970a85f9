package io.silo.common.auth;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of API tokens: Sentry's, so that Sentry's tools recognise them, with 256 random bits each.
 * <ul>
 *   <li>user token: {@code sntryu_<64 lowercase hex digits>}</li>
 *   <li>organization token: {@code sntrys_<payload>_<secret>}, the payload standard base64 (padded) of
 *       {@code {"iat", "url", "region_url", "org"}} — Silo's root URL, the organization's region API URL and its
 *       slug, as Sentry writes it — and the secret 43 characters of unpadded standard base64. {@code url} is where
 *       sentry-cli sends the token's requests; {@code region_url} is how control's gateway routes them to the
 *       organization's region without looking anything up.</li>
 * </ul>
 * Tokens minted before these formats, {@code silo_u_<43 base64url>} and {@code silo_o_<region>_<43 base64url>},
 * keep working until revoked. Only a token's SHA-256 is ever stored.
 */
public final class TokenFormat {

    public static final String USER_PREFIX = "sntryu_";
    public static final String ORGANIZATION_PREFIX = "sntrys_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Looked up once: {@code Json.createReader} looks the provider up again on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern USER = Pattern.compile("sntryu_[0-9a-f]{64}");
    private static final Pattern ORGANIZATION = Pattern.compile(
            "sntrys_((?:[A-Za-z0-9+/]{4}){1,256}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)_[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]");
    private static final String LEGACY_SECRET = "[A-Za-z0-9_-]{43}";
    private static final Pattern LEGACY_USER = Pattern.compile("silo_u_" + LEGACY_SECRET);
    private static final Pattern LEGACY_ORGANIZATION = Pattern.compile("silo_o_([a-z][a-z0-9-]{0,31})_" + LEGACY_SECRET);

    /**
     * What an organization token says of itself.
     *
     * @param url       Silo's root URL, where clients send the token's requests
     * @param regionUrl the public API URL of the organization's region
     * @param slug      the organization's slug when the token was minted
     */
    public record OrganizationClaims(String url, String regionUrl, String slug) {
    }

    private TokenFormat() {
    }

    public static String newUserToken() {
        return USER_PREFIX + HexFormat.of().formatHex(randomBytes());
    }

    public static String newOrganizationToken(OrganizationClaims claims) {
        String payload = JSON.createObjectBuilder().add("iat", Instant.now().getEpochSecond()).add("url", claims.url())
                .add("region_url", claims.regionUrl()).add("org", claims.slug()).build().toString();
        return ORGANIZATION_PREFIX + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "_"
                + Base64.getEncoder().withoutPadding().encodeToString(randomBytes());
    }

    /** Whether a string can be a token at all: anything else is refused before any database lookup. */
    public static boolean isWellFormed(String token) {
        return USER.matcher(token).matches() || LEGACY_USER.matcher(token).matches()
                || LEGACY_ORGANIZATION.matcher(token).matches() || organizationClaims(token).isPresent();
    }

    /** The claims of an organization token in Sentry's format; empty for anything else. */
    public static Optional<OrganizationClaims> organizationClaims(String token) {
        Matcher matcher = ORGANIZATION.matcher(token);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(
                new String(Base64.getDecoder().decode(matcher.group(1)), StandardCharsets.UTF_8)))) {
            JsonObject payload = reader.readObject();
            if (payload.get("url") instanceof JsonString url && payload.get("region_url") instanceof JsonString regionUrl
                    && payload.get("org") instanceof JsonString slug) {
                return Optional.of(new OrganizationClaims(url.getString(), regionUrl.getString(), slug.getString()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The region named in a token of the earlier format's prefix ({@code silo_o_<region>_…}). */
    public static Optional<String> legacyRegionOf(String token) {
        Matcher matcher = LEGACY_ORGANIZATION.matcher(token);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** What lists show of a token: its prefix and last four characters, enough to tell tokens apart. */
    public static String hint(String token) {
        int prefixEnd = token.startsWith("silo_o_") ? token.indexOf('_', "silo_o_".length()) + 1 : 7;
        return token.substring(0, prefixEnd) + "…" + token.substring(token.length() - 4);
    }

    private static byte[] randomBytes() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
