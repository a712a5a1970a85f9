package io.silo.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    private static final TokenFormat.OrganizationClaims ACME = new TokenFormat.OrganizationClaims(
            "https://silo.example.com", "https://eu.silo.example.com", "acme");

    @Test
    void userTokensAreSentrysSntryuWith256RandomBits() {
        String token = TokenFormat.newUserToken();
        assertTrue(token.matches("sntryu_[0-9a-f]{64}"), token);
        assertTrue(TokenFormat.isWellFormed(token));
        assertNotEquals(token, TokenFormat.newUserToken());
        assertEquals(Optional.empty(), TokenFormat.organizationClaims(token));
        assertEquals(Optional.empty(), TokenFormat.legacyRegionOf(token));
    }

    /** As sentry-cli reads them: three parts on '_', a padded base64 JSON payload, 32 bytes of unpadded base64. */
    @Test
    void organizationTokensAreSentrysSntrysWithTheirClaims() {
        String token = TokenFormat.newOrganizationToken(ACME);
        String[] parts = token.split("_");
        assertEquals(3, parts.length, token);
        assertEquals("sntrys", parts[0]);
        assertEquals(0, parts[1].length() % 4, "padded base64: " + parts[1]);
        JsonObject payload = Json.createReader(new StringReader(new String(Base64.getDecoder().decode(parts[1]),
                StandardCharsets.UTF_8))).readObject();
        assertEquals("https://silo.example.com", payload.getString("url"));
        assertEquals("https://eu.silo.example.com", payload.getString("region_url"));
        assertEquals("acme", payload.getString("org"));
        assertTrue(payload.getJsonNumber("iat").longValue() > 1_700_000_000L);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(43, parts[2].length());
        assertTrue(TokenFormat.isWellFormed(token));
        assertEquals(Optional.of(ACME), TokenFormat.organizationClaims(token));
        assertEquals(Optional.empty(), TokenFormat.legacyRegionOf(token));
    }

    @Test
    void tokensOfTheEarlierFormatStillCount() {
        String user = "silo_u_" + "A".repeat(43);
        String organization = "silo_o_eu_" + "b".repeat(43);
        assertTrue(TokenFormat.isWellFormed(user));
        assertTrue(TokenFormat.isWellFormed(organization));
        assertEquals(Optional.of("eu"), TokenFormat.legacyRegionOf(organization));
        assertEquals(Optional.empty(), TokenFormat.organizationClaims(organization));
    }

    @Test
    void anythingElseIsRefusedBeforeAnyLookup() {
        String user = TokenFormat.newUserToken();
        String organization = TokenFormat.newOrganizationToken(ACME);
        assertFalse(TokenFormat.isWellFormed(user + "0"));
        assertFalse(TokenFormat.isWellFormed(user.toUpperCase()));
        assertFalse(TokenFormat.isWellFormed(organization + "A"));
        assertFalse(TokenFormat.isWellFormed(organization.substring(0, organization.length() - 1) + "B"),
                "the last character of 32 bytes in base64 leaves its low bits clear");
        String notJson = "sntrys_" + Base64.getEncoder().encodeToString("not json".getBytes(StandardCharsets.UTF_8))
                + organization.substring(organization.lastIndexOf('_'));
        assertFalse(TokenFormat.isWellFormed(notJson));
        String withoutRegion = "sntrys_" + Base64.getEncoder().encodeToString("{\"url\":\"x\",\"org\":\"acme\"}"
                .getBytes(StandardCharsets.UTF_8)) + organization.substring(organization.lastIndexOf('_'));
        assertFalse(TokenFormat.isWellFormed(withoutRegion));
        assertFalse(TokenFormat.isWellFormed("silo_u_" + "!".repeat(43)));
        assertFalse(TokenFormat.isWellFormed("' OR '1'='1"));
    }

    @Test
    void hintsShowThePrefixAndLastFourCharactersOnly() {
        String user = TokenFormat.newUserToken();
        assertEquals("sntryu_…" + user.substring(user.length() - 4), TokenFormat.hint(user));
        String organization = TokenFormat.newOrganizationToken(ACME);
        assertEquals("sntrys_…" + organization.substring(organization.length() - 4), TokenFormat.hint(organization));
        assertEquals("silo_o_us_…BBBB", TokenFormat.hint("silo_o_us_" + "B".repeat(43)));
    }
}
