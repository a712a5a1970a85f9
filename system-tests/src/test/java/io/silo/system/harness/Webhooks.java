package io.silo.system.harness;

import io.silo.system.harness.ApiClient.Reply;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Calls control's webhook ingress as GitHub and Slack do: the raw body, signed with the topology's secrets. */
public final class Webhooks {

    private Webhooks() {
    }

    /** A GitHub webhook signed with {@code secret} ({@code X-Hub-Signature-256} over the exact body). */
    public static Reply github(ApiClient client, String event, String body, String secret) {
        return client.send("POST", "/extensions/github/webhook/", body, Map.of("X-GitHub-Event", event,
                "X-Hub-Signature-256", "sha256=" + hmac(secret, body)));
    }

    /** A Jira webhook signed with {@code secret} ({@code X-Hub-Signature} over the exact body). */
    public static Reply jira(ApiClient client, String body, String secret) {
        return client.send("POST", "/extensions/jira/issue-updated/", body,
                Map.of("X-Hub-Signature", "sha256=" + hmac(secret, body)));
    }

    /** A Slack event signed with {@code secret} at {@code timestamp} ({@code v0:<ts>:<body>}). */
    public static Reply slack(ApiClient client, String body, String secret, Instant timestamp) {
        String seconds = String.valueOf(timestamp.getEpochSecond());
        return client.send("POST", "/extensions/slack/event/", body, Map.of("X-Slack-Request-Timestamp", seconds,
                "X-Slack-Signature", "v0=" + hmac(secret, "v0:" + seconds + ":" + body)));
    }

    public static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
