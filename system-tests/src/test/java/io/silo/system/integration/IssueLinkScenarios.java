package io.silo.system.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Topology;
import io.silo.system.harness.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issues linked to items of integrated tools, on real servers: an owner links an issue (made by an SDK event) to a
 * Jira issue, a GitHub issue and a Slack message through the API on control's address; the tools' signed
 * webhooks, received by control and delivered through the outbox, show on the issue's activity, and a linked Jira
 * issue moved to "Done" resolves the issue when the installation syncs status.
 */
public abstract class IssueLinkScenarios {

    private static final String[] SCOPES = {"org:read", "org:write", "project:write", "event:read", "event:write"};

    /** An organization with one issue, and the owner's client on control's address. */
    private record Organization(ApiClient owner, String slug, long issueId) {
    }

    private Organization organizationWithAnIssue(Topology topology, String who) throws Exception {
        ApiClient owner = Accounts.newUserWithToken(topology.url(topology.controlServer()), who, SCOPES);
        String slug = who + "-" + UUID.randomUUID().toString().substring(0, 8);
        WebhookScenarios.createOrganization(owner, slug, topology.region());
        Reply project = owner.post("/api/0/teams/" + slug + "/" + slug + "/projects/",
                Json.createObjectBuilder().add("name", "Backend").add("platform", "java").build().toString());
        assertEquals(201, project.status(), project.toString());
        String projectId = project.json().getString("id");
        Reply keys = owner.get("/api/0/projects/" + slug + "/" + project.json().getString("slug") + "/keys/");
        assertEquals(200, keys.status(), keys.toString());
        Reply stored = ApiClient.anonymous(topology.url(topology.regionServer(topology.region()))).post("/api/" + projectId
                + "/store/?sentry_key=" + keys.jsonArray().getJsonObject(0).getString("public"),
                "{\"message\":\"Payment provider timed out\",\"level\":\"error\"}");
        assertEquals(200, stored.status(), stored.toString());
        Reply issues = owner.get("/api/0/organizations/" + slug + "/issues/");
        assertEquals(200, issues.status(), issues.toString());
        assertEquals(1, issues.jsonArray().size(), issues.toString());
        return new Organization(owner, slug, Long.parseLong(issues.jsonArray().getJsonObject(0).getString("id")));
    }

    /** Installs the provider's item for the organization with {@code config}; control's integration id. */
    private static String install(Organization organization, String provider, String externalId, String config)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String body = Json.createObjectBuilder().add("organization", organization.slug()).add("provider", provider)
                .add("externalId", externalId).add("name", provider + " " + externalId)
                .add("config", Json.createReader(new java.io.StringReader(config)).readObject()).build().toString();
        Reply installed = organization.owner().post("/api/0/integrations/", body);
        while (installed.status() == 404 && System.nanoTime() < deadline) { // the owner's membership replicates
            Thread.sleep(200);
            installed = organization.owner().post("/api/0/integrations/", body);
        }
        assertEquals(201, installed.status(), installed.toString());
        return installed.json().getString("integrationId");
    }

    /** Links the issue, waiting for the installation to reach the region (it replicates moments after). */
    private static Reply link(Organization organization, String integrationId, String key) throws InterruptedException {
        String body = Json.createObjectBuilder().add("integrationId", integrationId).add("key", key).build().toString();
        String path = "/api/0/organizations/" + organization.slug() + "/issues/" + organization.issueId() + "/external-issues/";
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Reply linked = organization.owner().post(path, body);
        while (linked.status() == 400 && linked.body().contains("not an integration installed")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            linked = organization.owner().post(path, body);
        }
        return linked;
    }

    private List<JsonObject> activities(Organization organization) {
        Reply activities = organization.owner().get("/api/0/organizations/" + organization.slug() + "/issues/"
                + organization.issueId() + "/activities/?per_page=100");
        assertEquals(200, activities.status(), activities.toString());
        return activities.jsonArray().getValuesAs(JsonObject.class);
    }

    private List<JsonObject> awaitActivity(Organization organization, String type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonObject> found = List.of();
        while (System.nanoTime() < deadline) {
            found = activities(organization).stream().filter(activity -> type.equals(activity.getString("type"))).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }

    private String issueStatus(Organization organization) {
        Reply issue = organization.owner().get("/api/0/organizations/" + organization.slug() + "/issues/"
                + organization.issueId() + "/");
        assertEquals(200, issue.status(), issue.toString());
        return issue.json().getString("status");
    }

    @Test
    void aLinkedJiraIssueMovedToDoneResolvesTheIssueAndShowsOnItsActivity(Topology topology) throws Exception {
        Organization organization = organizationWithAnIssue(topology, "jira-link");
        String site = "links-" + UUID.randomUUID().toString().substring(0, 8) + ".atlassian.net";
        String integrationId = install(organization, "jira", site, "{\"sync_status_reverse\":\"true\"}");

        Reply linked = link(organization, integrationId, "OPS-7");
        Reply again = link(organization, integrationId, "OPS-7");
        Reply badKey = link(organization, integrationId, "not a jira key");
        Reply notInstalled = organization.owner().post("/api/0/organizations/" + organization.slug() + "/issues/"
                + organization.issueId() + "/external-issues/", "{\"integrationId\":\"12345\",\"key\":\"OPS-7\"}");

        assertEquals(201, linked.status(), linked.toString());
        assertEquals("jira", linked.json().getString("provider"));
        assertEquals(200, again.status(), "linking the same Jira issue again changes nothing: " + again);
        assertEquals(linked.json().getString("id"), again.json().getString("id"));
        assertEquals(400, badKey.status(), badKey.toString());
        assertTrue(badKey.isProblem() && badKey.body().contains("OPS-12"), "the detail says what a key looks like: " + badKey);
        assertEquals(400, notInstalled.status(), notInstalled.toString());
        assertEquals("unresolved", issueStatus(organization));

        String done = Json.createObjectBuilder().add("webhookEvent", "jira:issue_updated")
                .add("user", Json.createObjectBuilder().add("displayName", "Grace"))
                .add("issue", Json.createObjectBuilder().add("key", "OPS-7")
                        .add("self", "https://" + site + "/rest/api/2/issue/10007")
                        .add("fields", Json.createObjectBuilder().add("summary", "Payment timeouts")
                                .add("status", Json.createObjectBuilder().add("name", "Done")
                                        .add("statusCategory", Json.createObjectBuilder().add("key", "done")))))
                .add("changelog", Json.createObjectBuilder().add("items", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("field", "status").add("fromString", "In Progress")
                                .add("toString", "Done")))).build().toString();
        Reply received = Webhooks.jira(ApiClient.anonymous(topology.url(topology.controlServer())), done,
                topology.webhookSecret(Topology.JIRA_WEBHOOK_SECRET));
        assertEquals(202, received.status(), received.toString());

        List<JsonObject> updates = awaitActivity(organization, "jira.issue_updated", 1);
        assertEquals(1, updates.size(), "the Jira update shows on the linked issue once: " + activities(organization));
        JsonObject data = updates.get(0).getJsonObject("data");
        assertEquals("OPS-7", data.getString("key"));
        assertEquals("Done", data.getString("status"));
        assertEquals("Grace", data.getString("user"));
        assertEquals("Done", data.getJsonArray("changes").getJsonObject(0).getString("to"));
        assertEquals("resolved", issueStatus(organization), "the installation syncs status: Done resolves the issue");
        assertEquals(1, awaitActivity(organization, "set_resolved", 1).size());
        assertEquals(1, awaitActivity(organization, "linked", 1).size());
    }

    @Test
    void slackThreadRepliesAndGithubIssueEventsReachTheLinkedIssueOnly(Topology topology) throws Exception {
        Organization organization = organizationWithAnIssue(topology, "chat-link");
        Organization other = organizationWithAnIssue(topology, "chat-other");
        String team = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String slack = install(organization, "slack", team, "{}");
        install(other, "slack", team, "{}");
        String installation = WebhookScenarios.newInstallationId();
        String github = install(organization, "github", installation, "{}");
        String repository = "acme/api-" + UUID.randomUUID().toString().substring(0, 6);

        assertEquals(201, link(organization, slack, "C0ALERTS:1700000000.000100").status());
        assertEquals(201, link(organization, github, repository + "#42").status());
        Reply badSlackKey = link(organization, slack, "OPS-7");
        assertEquals(400, badSlackKey.status(), badSlackKey.toString());

        ApiClient provider = ApiClient.anonymous(topology.url(topology.controlServer()));
        String reply = Json.createObjectBuilder().add("type", "event_callback").add("team_id", team)
                .add("event", Json.createObjectBuilder().add("type", "message").add("channel", "C0ALERTS")
                        .add("user", "U042").add("text", "Looking into it").add("ts", "1700000100.000200")
                        .add("thread_ts", "1700000000.000100")).build().toString();
        String elsewhere = Json.createObjectBuilder().add("type", "event_callback").add("team_id", team)
                .add("event", Json.createObjectBuilder().add("type", "message").add("channel", "C0ALERTS")
                        .add("user", "U042").add("text", "Unrelated thread").add("ts", "1700000100.000300")
                        .add("thread_ts", "1600000000.000100")).build().toString();
        String secret = topology.webhookSecret(Topology.SLACK_SIGNING_SECRET);
        assertEquals(202, Webhooks.slack(provider, elsewhere, secret, Instant.now()).status());
        assertEquals(202, Webhooks.slack(provider, reply, secret, Instant.now()).status());
        String closed = Json.createObjectBuilder().add("action", "closed")
                .add("installation", Json.createObjectBuilder().add("id", Long.parseLong(installation)))
                .add("repository", Json.createObjectBuilder().add("full_name", repository))
                .add("issue", Json.createObjectBuilder().add("number", 42).add("title", "Timeouts").add("state", "closed"))
                .add("sender", Json.createObjectBuilder().add("login", "octocat")).build().toString();
        assertEquals(202, Webhooks.github(provider, "issues", closed,
                topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET)).status());

        List<JsonObject> replies = awaitActivity(organization, "slack.reply", 1);
        List<JsonObject> githubEvents = awaitActivity(organization, "github.issues.closed", 1);
        assertEquals(1, replies.size(), activities(organization).toString());
        assertEquals("Looking into it", replies.get(0).getJsonObject("data").getString("text"));
        assertEquals(1, githubEvents.size(), activities(organization).toString());
        assertEquals("octocat", githubEvents.get(0).getJsonObject("data").getString("user"));
        assertEquals("unresolved", issueStatus(organization), "this installation does not sync status");
        assertEquals("0", Database.queryOne(topology, topology.regionServer(topology.region()),
                "SELECT count(*) FROM region.issue_activity WHERE issue_id = ?", other.issueId()),
                "the other organization shares the Slack workspace but linked nothing");
        assertEquals(1, activities(organization).stream().filter(a -> a.getString("type").startsWith("slack.")).count(),
                "the reply in an unlinked thread reached no issue");

        Reply links = organization.owner().get("/api/0/organizations/" + organization.slug() + "/issues/"
                + organization.issueId() + "/external-issues/");
        assertEquals(2, links.jsonArray().size(), links.toString());
        String slackLink = links.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(link -> "slack".equals(link.getString("provider"))).findFirst().orElseThrow().getString("id");
        Reply unlinked = organization.owner().delete("/api/0/organizations/" + organization.slug() + "/issues/"
                + organization.issueId() + "/external-issues/" + slackLink + "/");
        assertEquals(204, unlinked.status(), unlinked.toString());
        Reply strangerSees = other.owner().get("/api/0/organizations/" + organization.slug() + "/issues/"
                + organization.issueId() + "/activities/");
        assertEquals(404, strangerSees.status(), "another organization's owner sees nothing: " + strangerSees);
    }
}
