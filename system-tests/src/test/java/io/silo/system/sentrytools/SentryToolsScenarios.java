package io.silo.system.sentrytools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.SentryCli;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import io.sentry.Sentry;
import jakarta.json.Json;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sentry's own tools, unchanged. Its CLI, {@code sentry-cli} from the npm registry, against control: it checks its
 * token, lists the organization's projects and a project's issues with their short ids, and resolves an issue, which
 * the API then shows resolved. Its Java SDK, with a DSN exactly as the API gives it: the event arrives as an issue.
 */
public abstract class SentryToolsScenarios {

    /** An organization with one project and one issue in it, seen by its owner. */
    private record World(Organizations.Owner owner, String project, long projectId, long issueId, URI control) {
    }

    private static World world(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "cli");
        String project = "web-" + UUID.randomUUID().toString().substring(0, 6);
        Reply created = ApiClient.anonymous(topology.url(topology.regionServer()))
                .post("/api/0/internal/testing/projects/", Json.createObjectBuilder()
                        .add("organizationId", owner.organizationId()).add("slug", project).build().toString());
        assertEquals(201, created.status(), created.toString());
        long projectId = created.json().getJsonNumber("projectId").longValue();
        Reply stored = SentrySdk.store(topology.url(topology.regionServer()), projectId,
                created.json().getString("publicKey"), Json.createObjectBuilder()
                        .add("event_id", SentrySdk.newEventId()).add("timestamp", Instant.now().toString())
                        .add("level", "error").add("message", "Checkout failed for cart 7").build().toString());
        assertEquals(200, stored.status(), stored.toString());
        long issueId = Long.parseLong(Database.queryOne(topology, topology.regionServer(),
                "SELECT id FROM region.issue WHERE project_id = ?", projectId));
        return new World(owner, project, projectId, issueId, topology.url(topology.controlServer()));
    }

    private static ProcessResult cli(World world, String... arguments) {
        ProcessResult result = SentryCli.run(world.control(), world.owner().token(), arguments);
        assertEquals(0, result.exitCode(), String.join(" ", arguments) + ": " + result);
        return result;
    }

    @Test
    void infoShowsTheTokensUserAndScopes(Topology topology) throws Exception {
        World world = world(topology);
        ProcessResult info = cli(world, "info");
        assertTrue(info.stdout().contains("User: " + world.owner().account().email()), info.toString());
        assertTrue(info.stdout().contains("- org:admin"), info.toString());
        assertTrue(info.stdout().contains("- event:admin"), info.toString());
    }

    @Test
    void projectsAndIssuesAreListedWithShortIds(Topology topology) throws Exception {
        World world = world(topology);
        ProcessResult projects = cli(world, "projects", "list", "-o", world.owner().slug());
        assertTrue(projects.stdout().contains(world.project()), projects.toString());

        ProcessResult issues = cli(world, "issues", "list", "-o", world.owner().slug(), "-p", world.project());
        assertTrue(issues.stdout().contains(world.project().toUpperCase(Locale.ROOT) + "-1"), issues.toString());
        assertTrue(issues.stdout().contains("Checkout failed for cart 7"), issues.toString());
        assertTrue(issues.stdout().contains(String.valueOf(world.issueId())), issues.toString());
    }

    @Test
    void anIssueResolvedWithTheCliIsResolvedInTheApi(Topology topology) throws Exception {
        World world = world(topology);
        String issue = "/api/0/organizations/" + world.owner().slug() + "/issues/" + world.issueId() + "/";
        assertEquals("unresolved", world.owner().api().get(issue).json().getString("status"));

        ProcessResult resolved = cli(world, "issues", "resolve", "-o", world.owner().slug(), "-p", world.project(),
                "-i", String.valueOf(world.issueId()));
        assertFalse(resolved.stderr().contains("error"), resolved.toString());
        assertEquals("resolved", world.owner().api().get(issue).json().getString("status"));
    }

    @Test
    void aDsnAsTheApiGivesItWorksUnchangedInSentrysJavaSdk(Topology topology) throws Exception {
        World world = world(topology);
        ApiClient api = ApiClient.withToken(world.control(), world.owner().token());
        Reply keys = api.get("/api/0/projects/" + world.owner().slug() + "/" + world.project() + "/keys/");
        assertEquals(200, keys.status(), keys.toString());
        String dsn = keys.jsonArray().getJsonObject(0).getJsonObject("dsn").getString("public");

        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setRelease("shop@1.4.2");
            options.setEnvironment("production");
            options.setEnableUncaughtExceptionHandler(false);
            options.setSendClientReports(false);
        });
        try {
            Sentry.captureException(new IllegalStateException("card declined by the Java SDK"));
            Sentry.flush(10_000);
        } finally {
            Sentry.close();
        }
        assertEquals("IllegalStateException: card declined by the Java SDK|java|production|shop@1.4.2",
                Database.await(topology, topology.regionServer(), Duration.ofSeconds(30),
                        "IllegalStateException: card declined by the Java SDK|java|production|shop@1.4.2",
                        "SELECT i.title || '|' || e.platform || '|' || e.environment || '|' || e.release"
                                + " FROM region.issue i JOIN region.event e ON e.issue_id = i.id"
                                + " WHERE i.project_id = ? AND i.title LIKE 'IllegalStateException%'", world.projectId()),
                "the SDK's event was stored with its release and environment, as an issue of the project: " + dsn);
    }
}
