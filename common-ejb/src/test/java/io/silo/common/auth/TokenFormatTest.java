package io.silo.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    @Test
    void userTokensCarry256RandomBitsBehindTheirPrefix() {
        String token = TokenFormat.newUserToken();
        assertTrue(token.startsWith("silo_u_"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token.substring("silo_u_".length())).length);
        assertTrue(TokenFormat.isWellFormed(token));
        assertNotEquals(token, TokenFormat.newUserToken());
        assertEquals(Optional.empty(), TokenFormat.regionOf(token));
    }

    @Test
    void organizationTokensNameTheirRegion() {
        String token = TokenFormat.newOrganizationToken("eu");
        assertTrue(token.startsWith("silo_o_eu_"), token);
        assertTrue(TokenFormat.isWellFormed(token));
        assertEquals(Optional.of("eu"), TokenFormat.regionOf(token));
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.newOrganizationToken("EU_1"));
    }

    @Test
    void anythingElseIsRefusedBeforeAnyLookup() {
        String token = TokenFormat.newUserToken();
        assertFalse(TokenFormat.isWellFormed(token + "x"));
        assertFalse(TokenFormat.isWellFormed(token.substring(1)));
        assertFalse(TokenFormat.isWellFormed("silo_u_" + "!".repeat(43)));
        assertFalse(TokenFormat.isWellFormed("' OR '1'='1"));
    }

    @Test
    void hintsShowThePrefixAndLastFourCharactersOnly() {
        String token = TokenFormat.newOrganizationToken("us");
        String hint = TokenFormat.hint(token);
        assertEquals("silo_o_us_…" + token.substring(token.length() - 4), hint);
    }
}
