package io.silo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What control's webhook ingress costs: a signed GitHub {@code push} webhook (about 5 KB, three commits) posted to
 * {@code /extensions/github/webhook/} for an installation shared by an organization in us and one in eu — control
 * checks {@code X-Hub-Signature-256} over the raw body, parses it, finds the installation's organizations and writes
 * one mailbox (WEBHOOK_DELIVERY outbox) row per region in one transaction, answering 202 — against a bare JAX-RS
 * endpoint of control receiving the same body and answering 204 (the baseline, same run, alternating rounds). The
 * outbox drains to both regions meanwhile, on the same two cores: that is part of the cost. The issue sets no
 * target: the figures and their ratios are the result.
 *
 * <p>Usage: {@code WebhookIngressBenchmark <control URL> <data dir> <output json>}; the topology must be running
 * with testing endpoints on and control's {@code silo.integrations.github.webhook-secret} set to the content of
 * {@code <data dir>/secrets/github-webhook-secret} ({@code ./bench/run} does both).
 */
public final class WebhookIngressBenchmark {

    private static final int ROUNDS = LatencyComparison.rounds(5);
    private static final Pattern ID = Pattern.compile("\"id\":\"?([0-9]+)\"?");
    private static final Pattern INTEGRATION = Pattern.compile("\"integrationId\":\"([0-9]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        URI control = LatencyComparison.loopback(args[0]);
        Path dataDir = Path.of(args[1]);
        String secret = Files.readString(dataDir.resolve("secrets/github-webhook-secret")).strip();
        WebhookIngressBenchmark benchmark = new WebhookIngressBenchmark();

        GatewayBenchmark accounts = new GatewayBenchmark();
        String token = accounts.tokenOfNewAccount(control);
        long usOrganization = benchmark.newOrganization(accounts, control, token, "us");
        long euOrganization = benchmark.newOrganization(accounts, control, token, "eu");
        long installationId = Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000L);
        String installed = benchmark.send(HttpRequest.newBuilder(control.resolve("/api/0/internal/testing/integrations/"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"provider\":\"github\",\"externalId\":\"" + installationId + "\",\"accessToken\":\"unused-"
                                + UUID.randomUUID() + "\",\"refreshToken\":\"unused-" + UUID.randomUUID()
                                + "\",\"organizationIds\":[\"" + usOrganization + "\",\"" + euOrganization + "\"]}")).build(), 200);
        if (!INTEGRATION.matcher(installed).find()) {
            throw new IllegalStateException("installation failed: " + installed);
        }

        byte[] body = GithubPush.body(installationId).getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + hmac(secret, body);
        HttpRequest webhook = HttpRequest.newBuilder(control.resolve("/extensions/github/webhook/"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).header("X-Hub-Signature-256", signature)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        String receipt = benchmark.send(webhook, 202);
        if (!receipt.contains("\"eu\"") || !receipt.contains("\"us\"")) {
            throw new IllegalStateException("the webhook did not go to both regions: " + receipt);
        }
        HttpRequest bare = HttpRequest.newBuilder(control.resolve("/api/0/internal/testing/bare/webhook"))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-Hub-Signature-256", signature)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        StringBuilder results = new StringBuilder();
        for (int concurrency : LatencyComparison.CONCURRENCY) {
            int requests = concurrency == 1 ? 300 : 1_500; // each writes two outbox rows that the regions apply
            LatencyComparison.Outcome outcome = LatencyComparison.compare("concurrency " + concurrency, ROUNDS,
                    "ingress", () -> LatencyComparison.timeRequests(() -> webhook, requests, concurrency, 202),
                    "bare", () -> LatencyComparison.timeRequests(() -> bare, requests, concurrency, 204));
            results.append(outcome.json("ingress", "bare", "concurrent_clients", concurrency, "requests_per_round", requests));
            results.append(concurrency == LatencyComparison.CONCURRENCY[LatencyComparison.CONCURRENCY.length - 1] ? "\n" : ",\n");
        }
        LatencyComparison.writeResults(Path.of(args[2]), "webhook-ingress",
                "POST /extensions/github/webhook/ to control: a signed GitHub push of " + body.length + " bytes (3 commits)"
                        + " for an installation shared by an organization in us and one in eu, so each request verifies"
                        + " X-Hub-Signature-256, parses the body and writes 2 mailbox (outbox) rows; the outbox drains to"
                        + " both regions live meanwhile, on the same machine; answered 202, timed at the client",
                "a bare JAX-RS endpoint in control receiving the same body (read fully, 204; no verification, no write),"
                        + " same run, alternating rounds",
                ROUNDS, results.toString());
    }

    /** A new organization of the account in {@code region}, once control's gateway finds it there: its id. */
    private long newOrganization(GatewayBenchmark accounts, URI control, String token, String region) throws Exception {
        String slug = accounts.createOrganization(control, token, region);
        URI organization = control.resolve("/api/0/organizations/" + slug + "/");
        accounts.awaitOk(organization, token);
        Matcher id = ID.matcher(send(HttpRequest.newBuilder(organization).header("Authorization", "Bearer " + token)
                .GET().build(), 200));
        if (!id.find()) {
            throw new IllegalStateException("the organization " + slug + " has no id");
        }
        return Long.parseLong(id.group(1));
    }

    private String send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String hmac(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
