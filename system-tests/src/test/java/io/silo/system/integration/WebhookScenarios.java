package io.silo.system.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Topology;
import io.silo.system.harness.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Provider webhooks on real servers: integrations installed through control's API, webhooks signed as GitHub and
 * Slack sign them, received by control once and delivered through the outbox to every region concerned.
 */
public abstract class WebhookScenarios {

    /** A user of control with a token that may create organizations and install integrations. */
    public static ApiClient newUser(Topology topology, String controlServer, String who) {
        return Accounts.newUserWithToken(topology.url(controlServer), who, "org:read", "org:write");
    }

    /**
     * Creates an organization in {@code region} through control; returns its id. A 202 (the region took longer
     * than control waits, as on a loaded machine) is followed by polling its Location until the organization is
     * there.
     */
    public static long createOrganization(ApiClient user, String slug, String region) throws InterruptedException {
        Reply created = user.post("/api/0/organizations/", Json.createObjectBuilder().add("name", "Org " + slug)
                .add("slug", slug).add("region", region).build().toString());
        if (created.status() == 202) {
            String location = java.net.URI.create(created.header("Location").orElseThrow()).getRawPath();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (user.get(location).status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertEquals(200, user.get(location).status(), "organization " + slug + " never became active");
        } else {
            assertEquals(201, created.status(), created.toString());
        }
        return Long.parseLong(created.json().getString("id"));
    }

    /**
     * Installs for an organization just created: control learns of its owner's membership from the region's outbox,
     * moments after the organization itself, so a 404 is retried for a few seconds.
     */
    public static Reply installAsOwner(ApiClient user, String slug, String provider, String externalId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Reply reply = install(user, slug, provider, externalId);
        while (reply.status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = install(user, slug, provider, externalId);
        }
        return reply;
    }

    public static Reply install(ApiClient user, String slug, String provider, String externalId) {
        return user.post("/api/0/integrations/", Json.createObjectBuilder().add("organization", slug)
                .add("provider", provider).add("externalId", externalId).add("name", provider + " " + externalId)
                .build().toString());
    }

    public static String push(String installationId, String repository, String... shas) {
        JsonArrayBuilder commits = Json.createArrayBuilder();
        for (String sha : shas) {
            commits.add(Json.createObjectBuilder().add("id", sha).add("message", "Fix " + sha)
                    .add("timestamp", "2026-11-23T10:00:00Z")
                    .add("author", Json.createObjectBuilder().add("name", "Ada").add("email", "ada@example.com")));
        }
        return Json.createObjectBuilder().add("ref", "refs/heads/main")
                .add("repository", Json.createObjectBuilder().add("full_name", repository))
                .add("installation", Json.createObjectBuilder().add("id", Long.parseLong(installationId)))
                .add("commits", commits).build().toString();
    }

    public static String newInstallationId() {
        return String.valueOf(System.nanoTime() % 1_000_000_000_000L);
    }

    /** A new user's organization in {@code region} with the integration installed: its slug and id. */
    private record Installed(ApiClient user, String slug, long organizationId) {
    }

    private Installed installedOrganization(Topology topology, String who, String region, String provider,
                                            String externalId) throws InterruptedException {
        ApiClient user = newUser(topology, topology.controlServer(), who);
        String slug = unique(who);
        long organizationId = createOrganization(user, slug, region);
        Reply installed = installAsOwner(user, slug, provider, externalId);
        assertEquals(201, installed.status(), installed.toString());
        return new Installed(user, slug, organizationId);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSignedPushReachesEveryRegionOfTheInstallationOnceWithItsCommits(Topology topology) throws Exception {
        ApiClient user = newUser(topology, topology.controlServer(), "github-push");
        String installationId = newInstallationId();
        String repository = unique("acme/app");
        java.util.Map<String, Long> organizations = new java.util.TreeMap<>();
        for (String region : topology.regions()) {
            String slug = unique("gh-" + region);
            organizations.put(region, createOrganization(user, slug, region));
            Reply installed = installAsOwner(user, slug, "github", installationId);
            assertEquals(201, installed.status(), installed.toString());
            assertEquals("active", installed.json().getString("status"));
            assertEquals("active", Database.await(topology, topology.regionServer(region), Duration.ofSeconds(30), "active",
                    "SELECT status FROM region.organization_integration_replica WHERE organization_id = ?",
                    organizations.get(region)), "the region learns of its organization's installation");
        }
        ApiClient github = ApiClient.anonymous(topology.url(topology.controlServer()));

        Reply received = Webhooks.github(github, "push", push(installationId, repository, "a1b2c3", "d4e5f6"),
                topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET));

        assertEquals(202, received.status(), received.toString());
        assertTrue(received.json().getBoolean("routed"), received.toString());
        assertEquals(topology.regions().stream().sorted().toList(), received.json().getJsonArray("regions").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        long deliveryId = Long.parseLong(received.json().getString("id"));
        for (String region : topology.regions()) {
            assertEquals("2", Database.await(topology, topology.regionServer(region), Duration.ofSeconds(30), "2",
                    "SELECT count(*) FROM region.repository_commit WHERE organization_id = ? AND repository = ?",
                    organizations.get(region), repository), "both commits reach region " + region);
        }
        Thread.sleep(3_000);
        for (String region : topology.regions()) {
            assertEquals("1|2|Fix a1b2c3", Database.queryOne(topology, topology.regionServer(region),
                    "SELECT (SELECT count(*) FROM region.webhook_delivery WHERE id = ?) || '|' || (SELECT count(*)"
                            + " FROM region.repository_commit WHERE repository = ?) || '|' || (SELECT message FROM"
                            + " region.repository_commit WHERE repository = ? AND sha = 'a1b2c3')",
                    deliveryId, repository, repository), "region " + region + " processed the webhook exactly once");
        }
    }

    @Test
    void aPullRequestIsRecordedWithItsLatestState(Topology topology) throws Exception {
        String installationId = newInstallationId();
        String region = topology.regions().get(0);
        long organizationId = installedOrganization(topology, "github-pr", region, "github", installationId).organizationId();
        String repository = unique("acme/web");
        String secret = topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET);
        ApiClient github = ApiClient.anonymous(topology.url(topology.controlServer()));
        for (String action : List.of("opened", "closed")) {
            String body = Json.createObjectBuilder().add("action", action)
                    .add("repository", Json.createObjectBuilder().add("full_name", repository))
                    .add("installation", Json.createObjectBuilder().add("id", Long.parseLong(installationId)))
                    .add("pull_request", Json.createObjectBuilder().add("number", 7).add("title", "Speed up ingest")
                            .add("state", action.equals("opened") ? "open" : "closed")
                            .add("user", Json.createObjectBuilder().add("login", "ada")))
                    .build().toString();
            assertEquals(202, Webhooks.github(github, "pull_request", body, secret).status());
        }

        assertEquals("closed|closed|Speed up ingest", Database.await(topology, topology.regionServer(region), Duration.ofSeconds(30),
                "closed|closed|Speed up ingest", "SELECT state || '|' || last_action || '|' || title FROM region.pull_request"
                        + " WHERE organization_id = ? AND repository = ? AND number = 7", organizationId, repository));
    }

    @Test
    void aTamperedBodyOrAWrongSecretIs401AndNothingIsStored(Topology topology) throws Exception {
        String installationId = newInstallationId();
        String region = topology.regions().get(0);
        installedOrganization(topology, "github-tamper", region, "github", installationId);
        String repository = unique("acme/secret");
        String secret = topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET);
        String body = push(installationId, repository, "bad001");
        ApiClient github = ApiClient.anonymous(topology.url(topology.controlServer()));

        Reply tampered = github.send("POST", "/extensions/github/webhook/", body.replace("bad001", "bad002"),
                java.util.Map.of("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=" + Webhooks.hmac(secret, body)));
        Reply wrongSecret = Webhooks.github(github, "push", body, secret + "x");
        Reply unsigned = github.send("POST", "/extensions/github/webhook/", body, java.util.Map.of("X-GitHub-Event", "push"));

        for (Reply refused : List.of(tampered, wrongSecret, unsigned)) {
            assertEquals(401, refused.status(), refused.toString());
            assertTrue(refused.isProblem(), refused.toString());
        }
        assertTrue(tampered.json().getString("detail").contains("does not match"), tampered.toString());
        assertTrue(unsigned.json().getString("detail").contains("missing"), unsigned.toString());
        Thread.sleep(3_000);
        assertEquals("0|0", Database.queryOne(topology, topology.controlServer(), "SELECT (SELECT count(*) FROM control.control_outbox"
                + " WHERE category = 'WEBHOOK_DELIVERY' AND payload LIKE ?) || '|' || (SELECT count(*) FROM"
                + " control.unroutable_webhook WHERE external_id = ?)", "%" + repository + "%", installationId));
        assertEquals("0", Database.queryOne(topology, topology.regionServer(region),
                "SELECT count(*) FROM region.repository_commit WHERE repository = ?", repository));
    }

    @Test
    void aWebhookNoOrganizationInstalledIsAcknowledgedAndRecordedAsUnroutable(Topology topology) throws Exception {
        String installationId = newInstallationId();
        ApiClient github = ApiClient.anonymous(topology.url(topology.controlServer()));

        Reply received = Webhooks.github(github, "push", push(installationId, unique("nobody/repo"), "c0ffee"),
                topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET));

        assertEquals(202, received.status(), received.toString());
        assertFalse(received.json().getBoolean("routed"), received.toString());
        assertEquals("push|no integration with this external id", Database.queryOne(topology, topology.controlServer(),
                "SELECT event_type || '|' || reason FROM control.unroutable_webhook WHERE id = ?",
                Long.parseLong(received.json().getString("id"))));
    }

    @Test
    void slackUrlVerificationIsAnsweredWithItsChallengeOnlyWhenSigned(Topology topology) {
        ApiClient slack = ApiClient.anonymous(topology.url(topology.controlServer()));
        String challenge = unique("challenge");
        String body = Json.createObjectBuilder().add("type", "url_verification").add("challenge", challenge)
                .add("token", "legacy").build().toString();
        String secret = topology.webhookSecret(Topology.SLACK_SIGNING_SECRET);

        Reply answered = Webhooks.slack(slack, body, secret, Instant.now());
        Reply stale = Webhooks.slack(slack, body, secret, Instant.now().minus(Duration.ofMinutes(6)));
        Reply forged = Webhooks.slack(slack, body, "not-" + secret, Instant.now());

        assertEquals(200, answered.status(), answered.toString());
        assertEquals(challenge, answered.json().getString("challenge"));
        assertEquals(401, stale.status(), stale.toString());
        assertTrue(stale.json().getString("detail").contains("5 minutes"), stale.toString());
        assertEquals(401, forged.status(), forged.toString());
    }

    @Test
    void onlyOwnersAndManagersOfTheOrganizationInstallIntegrations(Topology topology) throws Exception {
        ApiClient owner = newUser(topology, topology.controlServer(), "integration-owner");
        ApiClient stranger = newUser(topology, topology.controlServer(), "integration-stranger");
        String slug = unique("own");
        createOrganization(owner, slug, topology.regions().get(0));

        Reply installed = installAsOwner(owner, slug, "slack", unique("T"));
        Reply refused = install(stranger, slug, "github", newInstallationId());
        Reply invalid = owner.post("/api/0/integrations/", Json.createObjectBuilder().add("organization", slug)
                .add("provider", "gitlab").add("externalId", "1").add("name", "x").build().toString());
        Reply listed = owner.get("/api/0/integrations/?organization=" + slug);
        Reply uninstalled = owner.delete("/api/0/integrations/" + installed.json().getString("id") + "/?organization=" + slug);
        Reply listedAfter = owner.get("/api/0/integrations/?organization=" + slug);

        assertEquals(404, refused.status(), refused.toString());
        assertEquals(400, invalid.status(), invalid.toString());
        assertTrue(invalid.isProblem(), invalid.toString());
        assertEquals(201, installed.status(), installed.toString());
        assertEquals(1, listed.jsonArray().size(), listed.toString());
        assertEquals(204, uninstalled.status(), uninstalled.toString());
        assertEquals(0, listedAfter.jsonArray().size(), listedAfter.toString());
    }

    @Test
    void aSignedJiraIssueUpdateReachesTheSitesOrganizationsAndAWrongSignatureIs401(Topology topology) throws Exception {
        String site = unique("acme") + ".atlassian.net";
        String region = topology.regions().get(topology.regions().size() - 1);
        installedOrganization(topology, "jira", region, "jira", site);
        String body = Json.createObjectBuilder().add("webhookEvent", "jira:issue_updated")
                .add("issue", Json.createObjectBuilder().add("key", "OPS-1")
                        .add("self", "https://" + site + "/rest/api/2/issue/10001")).build().toString();
        ApiClient jira = ApiClient.anonymous(topology.url(topology.controlServer()));
        String secret = topology.webhookSecret(Topology.JIRA_WEBHOOK_SECRET);

        Reply forged = Webhooks.jira(jira, body, "not-" + secret);
        Reply received = Webhooks.jira(jira, body, secret);

        assertEquals(401, forged.status(), forged.toString());
        assertEquals(202, received.status(), received.toString());
        assertEquals("jira|jira:issue_updated", Database.await(topology, topology.regionServer(region), Duration.ofSeconds(30),
                "jira|jira:issue_updated", "SELECT provider || '|' || event_type FROM region.webhook_delivery WHERE id = ?",
                Long.parseLong(received.json().getString("id"))));
    }

    @Test
    void concurrentFirstInstallsOfOneInstallationFromEveryRegionAllSucceedOnOneIntegration(Topology topology)
            throws Exception {
        String installationId = newInstallationId();
        List<ApiClient> owners = new java.util.ArrayList<>();
        List<String> slugs = new java.util.ArrayList<>();
        for (String region : topology.regions()) {
            for (int i = 0; i < 2; i++) {
                ApiClient owner = newUser(topology, topology.controlServer(), "race");
                String slug = unique("race");
                createOrganization(owner, slug, region);
                awaitManager(owner, slug);
                owners.add(owner);
                slugs.add(slug);
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(owners.size() * 2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Reply>> installs = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < owners.size() * 2; i++) { // every organization installs twice at once
                ApiClient owner = owners.get(i % owners.size());
                String slug = slugs.get(i % owners.size());
                installs.add(pool.submit(() -> {
                    start.await();
                    return install(owner, slug, "github", installationId);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Reply> install : installs) {
                Reply reply = install.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, reply.status(), "every concurrent install succeeds: " + reply);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("1", Database.queryOne(topology, topology.controlServer(),
                "SELECT count(*) FROM control.integration WHERE provider = 'github' AND external_id = ?", installationId));
        assertEquals(String.valueOf(owners.size()), Database.queryOne(topology, topology.controlServer(),
                "SELECT count(*) FROM control.organization_integration oi JOIN control.integration i"
                        + " ON i.id = oi.integration_id WHERE i.external_id = ? AND oi.status = 'active'", installationId),
                "one installation per organization");
    }

    /** Waits until control knows the owner's membership of a new organization (it replicates from the region). */
    private static void awaitManager(ApiClient owner, String slug) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (owner.get("/api/0/integrations/?organization=" + slug).status() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @Test
    void aWebhookOverTheSizeLimitIs413AndNothingIsStored(Topology topology) throws Exception {
        String installationId = newInstallationId();
        String region = topology.regions().get(0);
        installedOrganization(topology, "github-large", region, "github", installationId);
        String repository = unique("acme/large");
        StringBuilder message = new StringBuilder();
        while (message.length() < 4096) {
            message.append("a long commit message ");
        }
        String body = push(installationId, repository, "1a2b3c").replace("Fix 1a2b3c", message.toString());
        topology.setLiveConfig("silo.integrations.webhook-max-bytes", "2048");
        Reply refused;
        try {
            Thread.sleep(6_000); // the servers cache live config for 5 s
            refused = Webhooks.github(ApiClient.anonymous(topology.url(topology.controlServer())), "push", body,
                    topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET));
        } finally {
            topology.setLiveConfig("silo.integrations.webhook-max-bytes", null);
        }
        assertEquals(413, refused.status(), refused.toString());
        assertTrue(refused.isProblem() && refused.body().contains("silo.integrations.webhook-max-bytes"), refused.toString());
        Thread.sleep(2_000);
        assertEquals("0", Database.queryOne(topology, topology.regionServer(region),
                "SELECT count(*) FROM region.repository_commit WHERE repository = ?", repository), "nothing was delivered");
    }

    @Test
    void aDeliveryOlderThanTheMaximumAgeIsDeadLetteredWithItsReasonAndReplayable(Topology topology) throws Exception {
        String installationId = newInstallationId();
        String region = topology.regions().get(0);
        long organizationId = installedOrganization(topology, "github-expired", region, "github", installationId)
                .organizationId();
        String repository = unique("acme/old");
        ApiClient operator = ApiClient.withToken(topology.url(topology.regionServer(region)),
                Accounts.token(Accounts.operator(topology.url(topology.controlServer())).session(), "admin"));
        long deliveryId;
        java.util.Optional<jakarta.json.JsonObject> parked;
        topology.setLiveConfig("silo.integrations.webhook-max-age", "PT0S");
        try {
            Thread.sleep(6_000); // the servers cache live config for 5 s
            Reply received = Webhooks.github(ApiClient.anonymous(topology.url(topology.controlServer())), "push",
                    push(installationId, repository, "0ld5ha"), topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET));
            assertEquals(202, received.status(), received.toString());
            deliveryId = Long.parseLong(received.json().getString("id"));
            parked = awaitDeadLetter(operator, deliveryId, Duration.ofSeconds(60));
        } finally {
            topology.setLiveConfig("silo.integrations.webhook-max-age", null);
        }

        assertTrue(parked.isPresent(), "the expired delivery is in the region's DLQ");
        assertEquals("WEBHOOK_DELIVERY", parked.get().getString("category"));
        assertTrue(parked.get().getString("reason").contains("expired"), parked.get().toString());
        assertEquals("0", Database.queryOne(topology, topology.regionServer(region),
                "SELECT count(*) FROM region.repository_commit WHERE repository = ?", repository), "nothing was applied");
        Thread.sleep(6_000);
        Reply replayed = operator.post("/api/0/admin/outbox/dead-letters/" + parked.get().getString("id") + "/replay/", null);
        assertEquals(200, replayed.status(), replayed.toString());
        assertEquals("1", Database.await(topology, topology.regionServer(region), Duration.ofSeconds(30), "1",
                "SELECT count(*) FROM region.repository_commit WHERE organization_id = ? AND repository = ?",
                organizationId, repository), "replayed with the default maximum age, the delivery is applied");
    }

    private static java.util.Optional<jakarta.json.JsonObject> awaitDeadLetter(ApiClient operator, long deliveryId,
                                                                              Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Reply letters = operator.get("/api/0/admin/outbox/dead-letters/?per_page=100");
            if (letters.status() == 200) {
                java.util.Optional<jakarta.json.JsonObject> found = letters.jsonArray().getValuesAs(jakarta.json.JsonObject.class)
                        .stream().filter(letter -> String.valueOf(deliveryId).equals(letter.getString("objectId", null)))
                        .findFirst();
                if (found.isPresent()) {
                    return found;
                }
            }
            Thread.sleep(500);
        }
        return java.util.Optional.empty();
    }
}
