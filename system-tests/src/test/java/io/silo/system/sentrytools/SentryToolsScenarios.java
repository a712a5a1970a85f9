package io.silo.system.sentrytools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentry.Sentry;
import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.Processes;
import io.silo.system.harness.SentryCli;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sentry's own tools, unchanged. Its CLI, {@code sentry-cli} from the npm registry, against control: it checks its
 * token, lists the user's organizations region by region, the organization's projects and a project's issues with
 * their short ids, resolves an issue, which the API then shows resolved, and makes a release with its commits (from a
 * real git repository), finalizes it and records a deploy; with only an organization token it finds the install
 * itself. Its Java SDK, with a DSN exactly as the API gives it: the event arrives as an issue.
 */
public abstract class SentryToolsScenarios {

    /** An organization with one project and one issue in it, seen by its owner. */
    private record World(Organizations.Owner owner, String project, long projectId, String publicKey, long issueId,
                         URI control) {
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
        return new World(owner, project, projectId, created.json().getString("publicKey"), issueId,
                topology.url(topology.controlServer()));
    }

    private static ProcessResult cli(World world, String... arguments) {
        return succeeded(SentryCli.run(world.control(), world.owner().token(), arguments), arguments);
    }

    private static ProcessResult succeeded(ProcessResult result, String... arguments) {
        assertEquals(0, result.exitCode(), String.join(" ", arguments) + ": " + result);
        assertFalse(result.stderr().contains("Unrecognized auth token format"), result.toString());
        return result;
    }

    @Test
    void infoShowsTheTokensUserAndScopes(Topology topology) throws Exception {
        World world = world(topology);
        ProcessResult info = cli(world, "--auth-token", world.owner().token(), "info");
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
    void sendEventUsesTheDsnAsTheApiGivesIt(Topology topology) throws Exception {
        World world = world(topology);
        Reply keys = ApiClient.withToken(world.control(), world.owner().token())
                .get("/api/0/projects/" + world.owner().slug() + "/" + world.project() + "/keys/");
        String dsn = keys.jsonArray().getJsonObject(0).getJsonObject("dsn").getString("public");
        succeeded(SentryCli.runWithDsn(dsn, "send-event", "-m", "Nightly export failed", "-r", "cli@1.0.0"),
                "send-event");
        assertEquals("Nightly export failed|cli@1.0.0", Database.await(topology, topology.regionServer(),
                Duration.ofSeconds(30), "Nightly export failed|cli@1.0.0", "SELECT message || '|' || release"
                        + " FROM region.event WHERE project_id = ? AND message = 'Nightly export failed'",
                world.projectId()), "sent to " + dsn);
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

    @Test
    void organizationsListShowsTheUsersOrganizationsOfEveryRegion(Topology topology) throws Exception {
        URI control = topology.url(topology.controlServer());
        Accounts.Account account = Accounts.signUp(control, "orgs");
        List<String> slugs = new ArrayList<>();
        for (String region : topology.regions()) {
            slugs.add(createOrganization(account, region));
        }
        ProcessResult listed = succeeded(SentryCli.run(control, Accounts.token(account.session(), "org:read"),
                "organizations", "list"), "organizations", "list");
        for (String slug : slugs) {
            assertEquals(1, listed.stdout().split("\\| " + slug + " ", -1).length - 1,
                    slug + " listed once, by its own region's URL: " + listed);
        }
        Reply regions = ApiClient.withToken(control, Accounts.token(account.session(), "org:read"))
                .get("/api/0/users/me/regions/");
        assertEquals(topology.regions().size(), regions.json().getJsonArray("regions").size(), regions.toString());
    }

    @Test
    void anOrganizationTokenAloneFindsTheInstallAndTheOrganizationsRegion(Topology topology) throws Exception {
        URI control = topology.url(topology.controlServer());
        Accounts.Account account = Accounts.signUp(control, "orgtok");
        String region = topology.regions().get(topology.regions().size() - 1);
        String slug = createOrganization(account, region);
        Reply project = account.session().post("/api/0/teams/" + slug + "/" + slug + "/projects/",
                Json.createObjectBuilder().add("name", "Storefront").add("slug", "storefront").build().toString());
        assertEquals(201, project.status(), project.toString());
        Reply minted = account.session().post("/api/0/organizations/" + slug + "/org-auth-tokens/",
                Json.createObjectBuilder().add("name", "ci").add("scopes", Json.createArrayBuilder()
                        .add("org:read").add("project:read").add("project:releases")).build().toString());
        assertEquals(201, minted.status(), minted.toString());
        String token = minted.json().getString("token");
        awaitAccepted(ApiClient.withToken(control, token), "/api/0/organizations/" + slug + "/projects/");

        ProcessResult projects = succeeded(SentryCli.runIn(Path.of("target"), null, token, "projects", "list"),
                "projects", "list");
        assertTrue(projects.stdout().contains("storefront"), projects.toString());
        ProcessResult release = succeeded(SentryCli.runIn(Path.of("target"), null, token, "--auth-token", token,
                "releases", "new", "-p", "storefront", "ci@1.0.0"), "releases", "new");
        assertTrue(release.stdout().contains("ci@1.0.0"), release.toString());
    }

    @Test
    void releasesCommitsAndDeploysThroughTheCli(Topology topology) throws Exception {
        World world = world(topology);
        String org = world.owner().slug();
        String version = "shop@2.0." + UUID.randomUUID().toString().substring(0, 6);
        ApiClient api = ApiClient.withToken(world.control(), world.owner().token());
        String release = "/api/0/organizations/" + org + "/releases/" + version + "/";

        assertTrue(cli(world, "releases", "new", "-o", org, "-p", world.project(), version).stdout()
                .contains(version));
        Path git = gitRepository(3);
        String head = git(git, "rev-parse", "HEAD").strip();
        succeeded(SentryCli.runIn(git, world.control(), world.owner().token(), "releases", "set-commits", "-o", org,
                "-p", world.project(), "--local", version), "set-commits", "--local");
        JsonObject withLocal = api.get(release).json();
        assertEquals(3, withLocal.getInt("commitCount"), withLocal.toString());
        assertEquals(head, withLocal.getJsonObject("lastCommit").getString("id"), withLocal.toString());
        assertEquals(world.project(), withLocal.getJsonArray("projects").getJsonObject(0).getString("slug"));

        String repository = api.get("/api/0/organizations/" + org + "/repos/").jsonArray().getJsonObject(0)
                .getString("name");
        cli(world, "releases", "set-commits", "-o", org, "-p", world.project(), "--commit", repository + "@" + head,
                version);
        assertEquals(1, api.get(release).json().getInt("commitCount"), "the ref's head commit replaced the local ones");

        cli(world, "releases", "finalize", "-o", org, "-p", world.project(), version);
        assertTrue(api.get(release).json().containsKey("dateReleased"), "finalized");
        assertTrue(cli(world, "releases", "list", "-o", org, "-p", world.project()).stdout().contains(version));
        assertTrue(cli(world, "releases", "info", "-o", org, "-p", world.project(), version).stdout()
                .contains(version));

        assertTrue(cli(world, "deploys", "new", "-o", org, "-r", version, "-e", "production", "-n", "canary")
                .stdout().contains("production"));
        assertTrue(cli(world, "deploys", "list", "-o", org, "-r", version).stdout().contains("production"));
        JsonObject deployed = api.get(release).json();
        assertEquals("production|canary|1", deployed.getJsonObject("lastDeploy").getString("environment") + "|"
                + deployed.getJsonObject("lastDeploy").getString("name") + "|" + deployed.getInt("deployCount"));

        Reply again = api.post("/api/0/organizations/" + org + "/releases/", Json.createObjectBuilder()
                .add("version", version).add("projects", Json.createArrayBuilder().add(world.project())).build().toString());
        assertEquals(208, again.status(), "creating it again answers the release: " + again);
        Reply invalid = api.post("/api/0/organizations/" + org + "/releases/", Json.createObjectBuilder()
                .add("version", "a/b").add("projects", Json.createArrayBuilder().add(world.project())).build().toString());
        assertEquals(400, invalid.status(), invalid.toString());
        assertEquals("version", invalid.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply unknownProject = api.post("/api/0/organizations/" + org + "/releases/", Json.createObjectBuilder()
                .add("version", "x@1").add("projects", Json.createArrayBuilder().add("nope")).build().toString());
        assertEquals(400, unknownProject.status(), unknownProject.toString());
        assertEquals(404, api.get("/api/0/organizations/" + org + "/releases/x@1/").status(), "nothing was created");
    }

    @Test
    void eventsCarryTheirReleaseIntoReleasesAndIssues(Topology topology) throws Exception {
        World world = world(topology);
        String org = world.owner().slug();
        String version = "api@3." + UUID.randomUUID().toString().substring(0, 6);
        Reply stored = SentrySdk.store(topology.url(topology.regionServer()), world.projectId(), world.publicKey(),
                Json.createObjectBuilder().add("event_id", SentrySdk.newEventId())
                        .add("timestamp", Instant.now().toString()).add("level", "error").add("release", version)
                        .add("exception", Json.createObjectBuilder().add("values", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("type", "TimeoutError").add("value", "upstream slow")
                                        .add("stacktrace", Json.createObjectBuilder().add("frames",
                                                Json.createArrayBuilder().add(Json.createObjectBuilder()
                                                        .add("filename", "api/orders.py").add("function", "place")
                                                        .add("in_app", true)))))))
                        .build().toString());
        assertEquals(200, stored.status(), stored.toString());
        ApiClient api = ApiClient.withToken(world.control(), world.owner().token());

        JsonObject release = api.get("/api/0/organizations/" + org + "/releases/" + version + "/").json();
        assertEquals(1, release.getInt("newGroups"), release.toString());
        assertTrue(release.containsKey("lastEvent") && release.containsKey("firstEvent"), release.toString());
        assertEquals(world.project(), release.getJsonArray("projects").getJsonObject(0).getString("slug"));
        assertTrue(api.get("/api/0/projects/" + org + "/" + world.project() + "/releases/").body().contains(version));

        String issues = "/api/0/projects/" + org + "/" + world.project() + "/issues/?query=";
        JsonArray first = api.get(issues + "firstRelease:" + version).jsonArray();
        assertEquals(1, first.size(), first.toString());
        JsonObject issue = first.getJsonObject(0);
        assertEquals(version, issue.getJsonObject("firstRelease").getString("version"), issue.toString());
        assertEquals(version, issue.getJsonObject("lastRelease").getString("version"), issue.toString());
        assertEquals("TimeoutError|upstream slow|api/orders.py|place", issue.getJsonObject("metadata").getString("type")
                + "|" + issue.getJsonObject("metadata").getString("value") + "|"
                + issue.getJsonObject("metadata").getString("filename") + "|"
                + issue.getJsonObject("metadata").getString("function"));
        assertTrue(issue.getString("permalink").endsWith("/organizations/" + org + "/issues/" + issue.getString("id")
                + "/"), issue.toString());
        assertEquals(1, api.get(issues + "release:" + version).jsonArray().size());
        assertEquals(400, api.delete("/api/0/organizations/" + org + "/releases/" + version + "/").status(),
                "a release events name stays");
    }

    private static String createOrganization(Accounts.Account account, String region) {
        String slug = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = account.session().post("/api/0/organizations/", Json.createObjectBuilder()
                .add("name", "Org " + slug).add("slug", slug).add("region", region).build().toString());
        assertEquals(201, created.status(), created.toString());
        return slug;
    }

    /** Waits until a freshly minted token works (it reaches the organization's region by replication). */
    private static void awaitAccepted(ApiClient client, String path) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Reply reply = client.get(path);
        while (reply.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            reply = client.get(path);
        }
        assertEquals(200, reply.status(), reply.toString());
    }

    /** A git repository with {@code commits} commits, each changing a file. */
    private static Path gitRepository(int commits) throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "repo");
        git(directory, "init", "-q");
        for (int i = 1; i <= commits; i++) {
            Files.writeString(directory.resolve("app.txt"), "version " + i + "\n");
            git(directory, "add", "app.txt");
            git(directory, "-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "-m",
                    "change " + i);
        }
        return directory;
    }

    private static String git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        ProcessResult result = Processes.run(new ProcessBuilder(command).directory(directory.toFile()),
                directory.getParent(), Duration.ofMinutes(1));
        assertEquals(0, result.exitCode(), command + ": " + result);
        return result.stdout();
    }
}
