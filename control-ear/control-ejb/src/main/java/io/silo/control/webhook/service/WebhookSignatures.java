package io.silo.control.webhook.service;

import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies that a webhook comes from its provider, over the raw body exactly as received: GitHub's
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(body)>} with {@code silo.integrations.github.webhook-secret},
 * Slack's {@code X-Slack-Signature: v0=<hex HMAC-SHA256("v0:" + timestamp + ":" + body)>} with
 * {@code silo.integrations.slack.signing-secret} and a timestamp within 5 minutes of now, Jira's
 * {@code X-Hub-Signature: sha256=<hex>} with {@code silo.integrations.jira.webhook-secret}. Comparisons are in
 * constant time. An unconfigured secret verifies nothing.
 */
@ApplicationScoped
@ControlSilo
public class WebhookSignatures {

    private static final Duration SLACK_WINDOW = Duration.ofMinutes(5);

    @Inject
    @ConfigProperty(name = "silo.integrations.github.webhook-secret")
    Optional<String> githubSecret;

    @Inject
    @ConfigProperty(name = "silo.integrations.slack.signing-secret")
    Optional<String> slackSecret;

    @Inject
    @ConfigProperty(name = "silo.integrations.jira.webhook-secret")
    Optional<String> jiraSecret;

    /** @return why the GitHub webhook is refused, or empty when its signature is right */
    public Optional<String> refuseGithub(String signatureHeader, byte[] body) {
        return refuseHubSignature("GitHub", githubSecret, "X-Hub-Signature-256", signatureHeader, body);
    }

    /** Jira's webhooks with a secret sign like GitHub's: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(body)>}. */
    public Optional<String> refuseJira(String signatureHeader, byte[] body) {
        return refuseHubSignature("Jira", jiraSecret, "X-Hub-Signature", signatureHeader, body);
    }

    private static Optional<String> refuseHubSignature(String provider, Optional<String> secret, String header,
                                                       String signatureHeader, byte[] body) {
        if (secret.filter(value -> !value.isBlank()).isEmpty()) {
            return Optional.of(provider + " webhooks are not configured on this server");
        }
        if (signatureHeader == null || !signatureHeader.startsWith("sha256=")) {
            return Optional.of(header + " is missing or not sha256=<hex>");
        }
        return matches(secret.get(), body, signatureHeader.substring("sha256=".length()))
                ? Optional.empty() : Optional.of(header + " does not match the body");
    }

    /** @return why the Slack request is refused, or empty when its signature and timestamp are right */
    public Optional<String> refuseSlack(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (slackSecret.filter(secret -> !secret.isBlank()).isEmpty()) {
            return Optional.of("Slack events are not configured on this server");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp is missing or not a number of seconds");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(SLACK_WINDOW) > 0) {
            return Optional.of("X-Slack-Request-Timestamp is more than 5 minutes away from now");
        }
        if (signatureHeader == null || !signatureHeader.startsWith("v0=")) {
            return Optional.of("X-Slack-Signature is missing or not v0=<hex>");
        }
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return matches(slackSecret.get(), signed, signatureHeader.substring("v0=".length()))
                ? Optional.empty() : Optional.of("X-Slack-Signature does not match the body");
    }

    public static String hmacSha256Hex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static boolean matches(String secret, byte[] data, String givenHex) {
        return MessageDigest.isEqual(hmacSha256Hex(secret, data).getBytes(StandardCharsets.US_ASCII),
                givenHex.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
