package io.silo.control.webhook.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final byte[] BODY = "{\"installation\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);

    private static WebhookSignatures signatures() {
        WebhookSignatures signatures = new WebhookSignatures();
        signatures.githubSecret = Optional.of("gh-secret");
        signatures.slackSecret = Optional.of("slack-secret");
        signatures.jiraSecret = Optional.empty();
        return signatures;
    }

    @Test
    void githubSignatureOverTheRawBodyIsAcceptedAndAnyChangeRefused() {
        String signature = "sha256=" + WebhookSignatures.hmacSha256Hex("gh-secret", BODY);

        assertEquals(Optional.empty(), signatures().refuseGithub(signature, BODY));
        assertEquals(Optional.of("X-Hub-Signature-256 does not match the body"),
                signatures().refuseGithub(signature, "{\"installation\":{\"id\":2}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of("X-Hub-Signature-256 is missing or not sha256=<hex>"), signatures().refuseGithub(null, BODY));
        assertEquals(Optional.of("Jira webhooks are not configured on this server"), signatures().refuseJira(signature, BODY));
    }

    @Test
    void slackSignatureHoldsOnlyWithinFiveMinutesOfItsTimestamp() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String signed = "v0=" + WebhookSignatures.hmacSha256Hex("slack-secret",
                ("v0:1800000000:" + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertEquals(Optional.empty(), signatures().refuseSlack("1800000000", signed, BODY, now.plusSeconds(299)));
        assertTrue(signatures().refuseSlack("1800000000", signed, BODY, now.plusSeconds(301)).orElseThrow()
                .contains("5 minutes"));
        assertTrue(signatures().refuseSlack("1800000001", signed, BODY, now).orElseThrow().contains("does not match"));
        assertTrue(signatures().refuseSlack("soon", signed, BODY, now).orElseThrow().contains("not a number"));
    }
}
