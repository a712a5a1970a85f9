package io.silo.system.issues;

import static io.silo.system.issues.IssueFixtures.allPages;
import static io.silo.system.issues.IssueFixtures.event;
import static io.silo.system.issues.IssueFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import io.silo.system.issues.IssueFixtures.Project;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The region's issues and events API over events sent by an SDK: lists in each sort, filtered by Sentry's
 * query and statsPeriod, paged through Link headers; an issue resolved and found by is:resolved, audited in
 * control; an issue's events and one event's detail; nothing of another organization reachable by a member of
 * some organization (404), and a token without event scopes refused (403).
 *
 * <p>Five issues I1..I5 of a fresh organization, by fingerprint, with events at these minutes ago:
 * I1 error [10] (user a); I2 warning [50, 2] (no user); I3 error [30, 28, 25] (users a, b, c, "Payment gateway
 * timeout"); I4 info [20, 18, 17, 15] (users a, b, staging); I5 fatal [40, 39, 38, 36, 35] (users a..d). And I6,
 * last seen 20 days ago. So: date (last seen) I2 I1 I4 I3 I5; new (first seen) I1 I4 I3 I5 I2; freq I5 I4 I3
 * I2 I1; user I5 I3 I4 I1 I2.
 */
public abstract class IssuesScenarios {

    private static final Map<Topology.Kind, World> WORLDS = new ConcurrentHashMap<>();

    /** The five issues' organization, made once per topology. */
    record World(Project project, Map<String, Long> issues, List<String> eventsOfI5, long oldIssue, Instant made) {

        /** A statsPeriod reaching {@code minutes} before the events' times were taken (tests run later). */
        String minutesBeforeMade(int minutes) {
            return (minutes + Duration.between(made, Instant.now()).toMinutes() + 1) + "m";
        }

        ApiClient api() {
            return project.owner().api();
        }

        String slug() {
            return project.owner().slug();
        }

        String label(long issueId) {
            return issues.entrySet().stream().filter(e -> e.getValue() == issueId).map(Map.Entry::getKey)
                    .findFirst().orElse("other:" + issueId);
        }
    }

    private World world(Topology topology) {
        return WORLDS.computeIfAbsent(topology.kind(), kind -> {
            try {
                return makeWorld(topology);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private World makeWorld(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "issues");
        Project project = IssueFixtures.project(topology, topology.regionServer(), owner);
        Instant now = Instant.now();
        Map<String, Long> issues = new LinkedHashMap<>();
        List<String> eventsOfI5 = new ArrayList<>();
        Object[][] plan = {
                {"I1", "error", new int[] {10}, new String[] {"a"}, "production", "I1 checkout failed"},
                {"I2", "warning", new int[] {50, 2}, new String[] {null, null}, "production", "I2 slow page"},
                {"I3", "error", new int[] {30, 28, 25}, new String[] {"a", "b", "c"}, "production", "I3 Payment gateway timeout"},
                {"I4", "info", new int[] {20, 18, 17, 15}, new String[] {"a", "b", "a", "b"}, "staging", "I4 cache miss"},
                {"I5", "fatal", new int[] {40, 39, 38, 36, 35}, new String[] {"a", "b", "c", "d", "a"}, "production", "I5 out of memory"},
        };
        for (Object[] issue : plan) {
            String label = (String) issue[0];
            int[] minutesAgo = (int[]) issue[2];
            String[] users = (String[]) issue[3];
            for (int i = 0; i < minutesAgo.length; i++) {
                var event = event(label, now.minus(minutesAgo[i], ChronoUnit.MINUTES), (String) issue[1], (String) issue[5])
                        .add("environment", (String) issue[4]).add("tags", Json.createObjectBuilder().add("shard", label));
                if (users[i] != null) {
                    event.add("user", Json.createObjectBuilder().add("id", users[i]));
                }
                String eventId = send(topology, topology.regionServer(), project, event.build());
                if (label.equals("I5")) {
                    eventsOfI5.add(eventId);
                }
            }
            issues.put(label, issueIdOf(topology, project, label));
        }
        send(topology, topology.regionServer(), project, event("I6", now.minus(20, ChronoUnit.DAYS), "error", "I6 long ago").build());
        return new World(project, issues, eventsOfI5, issueIdOf(topology, project, "I6"), now);
    }

    private long issueIdOf(Topology topology, Project project, String label) throws Exception {
        return Long.parseLong(Database.queryOne(topology, topology.regionServer(),
                "SELECT id FROM region.issue WHERE project_id = ? AND title LIKE ?", project.id(), label + " %"));
    }

    private static List<String> labels(World world, List<JsonObject> issues) {
        return issues.stream().map(issue -> world.label(Long.parseLong(issue.getString("id")))).toList();
    }

    private static List<String> list(World world, String path) {
        Reply reply = world.api().get(path);
        assertEquals(200, reply.status(), reply.toString());
        return labels(world, reply.jsonArray().getValuesAs(JsonObject.class));
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void issuesAreListedInEachSortInSentrysShape(Topology topology) {
        World world = world(topology);
        String base = "/api/0/organizations/" + world.slug() + "/issues/?query=";
        assertEquals(List.of("I2", "I1", "I4", "I3", "I5"), list(world, base));
        assertEquals(List.of("I2", "I1", "I4", "I3", "I5"), list(world, base + "&sort=date"));
        assertEquals(List.of("I1", "I4", "I3", "I5", "I2"), list(world, base + "&sort=new"));
        assertEquals(List.of("I5", "I4", "I3", "I2", "I1"), list(world, base + "&sort=freq"));
        assertEquals(List.of("I5", "I3", "I4", "I1", "I2"), list(world, base + "&sort=user"));
        String projectList = "/api/0/projects/" + world.slug() + "/" + world.project().slug() + "/issues/?sort=freq";
        assertEquals(List.of("I5", "I4", "I3", "I2", "I1"), list(world, projectList));
        assertEquals(List.of("I5", "I4", "I3", "I2", "I1"), list(world, base + "&sort=freq&project=" + world.project().id()));

        JsonObject i5 = world.api().get(base + "&sort=freq").jsonArray().getJsonObject(0);
        assertEquals(String.valueOf(world.issues().get("I5")), i5.getString("id"));
        assertEquals("I5 out of memory", i5.getString("title"));
        assertEquals("fatal", i5.getString("level"));
        assertEquals("unresolved", i5.getString("status"));
        assertEquals("5", i5.getString("count"));
        assertEquals(4, i5.getInt("userCount"));
        assertEquals(world.project().slug(), i5.getJsonObject("project").getString("slug"));
        assertEquals(String.valueOf(world.project().id()), i5.getJsonObject("project").getString("id"));
        assertTrue(Instant.parse(i5.getString("firstSeen")).isBefore(Instant.parse(i5.getString("lastSeen"))), i5.toString());

        Reply detail = world.api().get("/api/0/organizations/" + world.slug() + "/issues/" + world.issues().get("I5") + "/");
        assertEquals(200, detail.status(), detail.toString());
        assertEquals(i5, detail.json());
    }

    @Test
    void theQueryFiltersByStatusLevelEnvironmentTagsAndFreeText(Topology topology) {
        World world = world(topology);
        String base = "/api/0/organizations/" + world.slug() + "/issues/?sort=freq&query=";
        assertEquals(List.of("I5", "I4", "I3", "I2", "I1"), list(world, base + q("is:unresolved")));
        assertEquals(List.of(), list(world, base + q("is:ignored")));
        assertEquals(List.of("I3", "I1"), list(world, base + q("level:error")));
        assertEquals(List.of("I5", "I3", "I1"), list(world, base + q("level:[error,fatal]")));
        assertEquals(List.of("I4"), list(world, base + q("environment:staging")));
        assertEquals(List.of("I2"), list(world, base + q("shard:I2")));
        assertEquals(List.of("I3"), list(world, base + q("gateway")));
        assertEquals(List.of("I3"), list(world, base + q("\"PAYMENT gateway\" is:unresolved level:error")));
        assertEquals(List.of(), list(world, base + q("gateway level:fatal")));

        Reply bad = world.api().get(base + q("is:open"));
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem(), bad.toString());
        assertEquals("query", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"), bad.toString());
        for (String param : List.of("sort=priority", "statsPeriod=1y", "per_page=0", "cursor=junk", "project=abc")) {
            Reply refused = world.api().get("/api/0/organizations/" + world.slug() + "/issues/?" + param);
            assertEquals(400, refused.status(), param + ": " + refused);
            assertEquals(param.substring(0, param.indexOf('=')),
                    refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), refused.toString());
        }
    }

    @Test
    void statsPeriodLeavesOutIssuesNotSeenWithinIt(Topology topology) {
        World world = world(topology);
        String base = "/api/0/organizations/" + world.slug() + "/issues/?sort=new&query=&statsPeriod=";
        assertEquals(List.of("I1", "I4", "I3", "I5", "I2", "other:" + world.oldIssue()), list(world, base + "30d"));
        assertEquals(List.of("I1", "I4", "I3", "I5", "I2"), list(world, base + "14d"));
        assertEquals(List.of("I1", "I4", "I3", "I5", "I2"), list(world, base + "24h"));
        assertEquals(List.of("I1", "I4", "I3", "I2"), list(world, base + world.minutesBeforeMade(30)));
        assertEquals(List.of("I2"), list(world, base + world.minutesBeforeMade(5)));
    }

    @Test
    void pagesOfTwoFollowTheLinkHeaderThroughEveryIssueOnceInOrder(Topology topology) {
        World world = world(topology);
        for (String sort : List.of("date", "new", "freq", "user")) {
            String first = "/api/0/organizations/" + world.slug() + "/issues/?query=&per_page=2&sort=" + sort;
            List<String> whole = list(world, "/api/0/organizations/" + world.slug() + "/issues/?query=&sort=" + sort);
            assertEquals(5, whole.size(), whole.toString());
            assertEquals(whole, labels(world, allPages(world.api(), first, 2)), sort);
        }
        String first = "/api/0/organizations/" + world.slug() + "/issues/?query=&per_page=2&sort=freq";
        Reply page1 = world.api().get(first);
        assertTrue(page1.header("Link").orElseThrow().contains("rel=\"previous\"; results=\"false\""), page1.headers().toString());
        List<JsonObject> all = allPages(world.api(), first, 2);
        assertEquals(5, all.size());
    }

    @Test
    void anIssuesEventsArePagedNewestFirstAndAnEventHasSentrysDetail(Topology topology) {
        World world = world(topology);
        long i5 = world.issues().get("I5");
        List<JsonObject> events = allPages(world.api(),
                "/api/0/organizations/" + world.slug() + "/issues/" + i5 + "/events/?per_page=2", 2);
        List<String> newestFirst = new ArrayList<>(world.eventsOfI5());
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, events.stream().map(e -> e.getString("eventID")).toList());
        assertTrue(events.stream().allMatch(e -> e.getString("groupID").equals(String.valueOf(i5))), events.toString());

        String eventId = world.eventsOfI5().get(1);
        Reply detail = world.api().get("/api/0/projects/" + world.slug() + "/" + world.project().slug() + "/events/"
                + eventId + "/");
        assertEquals(200, detail.status(), detail.toString());
        JsonObject event = detail.json();
        assertEquals(eventId, event.getString("eventID"));
        assertEquals(eventId, event.getString("id"));
        assertEquals(String.valueOf(i5), event.getString("groupID"));
        assertEquals("I5 out of memory", event.getString("title"));
        assertEquals("java", event.getString("platform"));
        assertEquals("b", event.getJsonObject("user").getString("id"));
        Map<String, String> tags = new HashMap<>();
        event.getJsonArray("tags").getValuesAs(JsonObject.class).forEach(t -> tags.put(t.getString("key"), t.getString("value")));
        assertEquals("production", tags.get("environment"), tags.toString());
        assertEquals("fatal", tags.get("level"), tags.toString());
        assertEquals("I5", tags.get("shard"), tags.toString());
        assertTrue(event.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("type").equals("message")), event.toString());
        assertTrue(Instant.parse(event.getString("dateReceived")) != null && Instant.parse(event.getString("dateCreated")) != null);

        String eventsOf = "/api/0/projects/" + world.slug() + "/" + world.project().slug() + "/events/";
        assertEquals(404, world.api().get(eventsOf + SentrySdk.newEventId() + "/").status());
        Reply malformed = world.api().get(eventsOf + "not-an-event/");
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.isProblem());
    }

    @Test
    void anExceptionEventShowsItsExceptionEntry(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "exceptions");
        Project project = IssueFixtures.project(topology, topology.regionServer(), owner);
        String eventId = SentrySdk.newEventId();
        assertEquals(200, SentrySdk.store(topology.url(topology.regionServer()), project.id(), project.publicKey(),
                SentrySdk.exceptionEvent(eventId, "java.lang.IllegalStateException", "cart is empty", "")).status());
        JsonObject event = owner.api().get("/api/0/projects/" + owner.slug() + "/" + project.slug() + "/events/"
                + eventId + "/").json();
        JsonObject exception = event.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("exception")).findFirst().orElseThrow(() -> new AssertionError(event));
        assertEquals("java.lang.IllegalStateException",
                exception.getJsonObject("data").getJsonArray("values").getJsonObject(0).getString("type"));
        assertEquals("java.lang.IllegalStateException: cart is empty", event.getString("title"));
    }

    @Test
    void resolvingAnIssueMovesItToIsResolvedAndIsAuditedInControl(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "resolver");
        Project project = IssueFixtures.project(topology, topology.regionServer(), owner);
        Instant now = Instant.now();
        send(topology, topology.regionServer(), project, event("R1", now.minusSeconds(60), "error", "R1 broken").build());
        send(topology, topology.regionServer(), project, event("R2", now.minusSeconds(30), "error", "R2 broken").build());
        long r1 = Long.parseLong(Database.queryOne(topology, topology.regionServer(),
                "SELECT id FROM region.issue WHERE project_id = ? AND title = 'R1 broken'", project.id()));
        String issue = "/api/0/organizations/" + owner.slug() + "/issues/" + r1 + "/";

        for (String body : List.of("{\"status\":\"closed\"}", "{}", "{\"status\":null}", "{\"status\":1}")) {
            Reply refused = owner.api().put(issue, body);
            assertEquals(400, refused.status(), body + ": " + refused);
            assertTrue(refused.isProblem(), refused.toString());
            assertEquals("status", refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), refused.toString());
        }
        Reply empty = owner.api().put(issue, "");
        assertEquals(400, empty.status(), empty.toString());
        assertTrue(empty.isProblem() && empty.json().getString("detail").contains("status"), empty.toString());
        assertEquals("unresolved", owner.api().get(issue).json().getString("status"));

        Reply resolved = owner.api().put(issue, "{\"status\":\"resolved\"}");
        assertEquals(200, resolved.status(), resolved.toString());
        assertEquals("resolved", resolved.json().getString("status"));
        String list = "/api/0/organizations/" + owner.slug() + "/issues/?query=";
        assertEquals(List.of(String.valueOf(r1)), ids(owner.api().get(list + q("is:resolved"))));
        assertEquals(1, owner.api().get(list + q("is:unresolved")).jsonArray().size());
        assertEquals(1, owner.api().get("/api/0/organizations/" + owner.slug() + "/issues/").jsonArray().size(),
                "no query means is:unresolved");

        assertEquals("1", Database.await(topology, topology.controlServer(), Duration.ofSeconds(30), "1",
                "SELECT count(*) FROM control.audit_log WHERE organization_id = ? AND event = 'issue.resolved'"
                        + " AND actor_user_id = ?", owner.organizationId(), owner.account().userId()));
        assertEquals(200, owner.api().put(issue, "{\"status\":\"ignored\"}").status());
        assertEquals(List.of(String.valueOf(r1)), ids(owner.api().get(list + q("is:ignored"))));
        assertEquals(200, owner.api().put(issue, "{\"status\":\"ignored\"}").status());
        assertEquals("1", Database.await(topology, topology.controlServer(), Duration.ofSeconds(30), "1",
                "SELECT count(*) FROM control.audit_log WHERE organization_id = ? AND event = 'issue.ignored'",
                owner.organizationId()), "setting the status it has audits nothing");
    }

    private static List<String> ids(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.jsonArray().getValuesAs(JsonObject.class).stream().map(i -> i.getString("id")).toList();
    }

    @Test
    void aMemberOfAnotherOrganizationFindsNoneOfItsIssuesEventsOrProjects(Topology topology) throws Exception {
        World victim = world(topology);
        Organizations.Owner intruder = Organizations.create(topology, topology.regionServer(), "intruder");
        Project own = IssueFixtures.project(topology, topology.regionServer(), intruder);
        String ownEvent = send(topology, topology.regionServer(), own, event("X", Instant.now(), "error", "X own").build());
        long victimIssue = victim.issues().get("I5");
        String victimEvent = victim.eventsOfI5().get(0);
        String theirs = victim.slug();
        String mine = intruder.slug();

        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("their issues", "/api/0/organizations/" + theirs + "/issues/");
        forbidden.put("their project's issues", "/api/0/projects/" + theirs + "/" + victim.project().slug() + "/issues/");
        forbidden.put("their issue", "/api/0/organizations/" + theirs + "/issues/" + victimIssue + "/");
        forbidden.put("their issue's events", "/api/0/organizations/" + theirs + "/issues/" + victimIssue + "/events/");
        forbidden.put("their event", "/api/0/projects/" + theirs + "/" + victim.project().slug() + "/events/" + victimEvent + "/");
        forbidden.put("their issue in my organization", "/api/0/organizations/" + mine + "/issues/" + victimIssue + "/");
        forbidden.put("their issue's events in my organization", "/api/0/organizations/" + mine + "/issues/" + victimIssue + "/events/");
        forbidden.put("their project in my organization", "/api/0/projects/" + mine + "/" + victim.project().slug() + "/issues/");
        forbidden.put("their event in my project", "/api/0/projects/" + mine + "/" + own.slug() + "/events/" + victimEvent + "/");
        forbidden.put("their event in their project in my organization", "/api/0/projects/" + mine + "/"
                + victim.project().slug() + "/events/" + victimEvent + "/");
        forbidden.forEach((what, path) -> {
            Reply reply = intruder.api().get(path);
            assertEquals(404, reply.status(), what + ": " + reply);
            assertTrue(reply.isProblem(), what + ": " + reply);
        });
        for (String path : List.of("/api/0/organizations/" + theirs + "/issues/" + victimIssue + "/",
                "/api/0/organizations/" + mine + "/issues/" + victimIssue + "/")) {
            assertEquals(404, intruder.api().put(path, "{\"status\":\"resolved\"}").status(), path);
        }
        assertEquals("unresolved", victim.api().get("/api/0/organizations/" + theirs + "/issues/" + victimIssue + "/")
                .json().getString("status"));
        List<String> mineListed = ids(intruder.api().get("/api/0/organizations/" + mine + "/issues/?query=&project="
                + victim.project().id()));
        assertEquals(List.of(), mineListed, "another organization's project id filters to nothing");
        assertEquals(200, intruder.api().get("/api/0/projects/" + mine + "/" + own.slug() + "/events/" + ownEvent + "/").status());
    }

    @Test
    void aTokenWithoutEventScopesIsRefused(Topology topology) throws Exception {
        World world = world(topology);
        ApiClient orgReader = Organizations.newUserIn(topology, topology.regionServer(), "orgreader", "org:read");
        Reply refused = orgReader.get("/api/0/organizations/" + world.slug() + "/issues/");
        assertEquals(403, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.toString());

        String readOnly = Accounts.token(world.project().owner().account().session(), "event:read");
        ApiClient reader = ApiClient.withToken(topology.url(topology.regionServer()), readOnly);
        String issue = "/api/0/organizations/" + world.slug() + "/issues/" + world.issues().get("I1") + "/";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (reader.get(issue).status() == 401 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(200, reader.get(issue).status(), "event:read reads");
        Reply write = reader.put(issue, "{\"status\":\"resolved\"}");
        assertEquals(403, write.status(), write.toString());
        assertEquals("unresolved", world.api().get(issue).json().getString("status"));
    }

    @Test
    void issuesHaveStableShortIdsFoundByLookupAndByQuery(Topology topology) {
        World world = world(topology);
        String prefix = world.project().slug().toUpperCase(Locale.ROOT) + "-";
        List<String> labels = List.of("I1", "I2", "I3", "I4", "I5");
        for (int n = 0; n < labels.size(); n++) {
            String issue = "/api/0/organizations/" + world.slug() + "/issues/" + world.issues().get(labels.get(n)) + "/";
            assertEquals(prefix + (n + 1), world.api().get(issue).json().getString("shortId"), "numbered as created");
            assertEquals(prefix + (n + 1), world.api().get(issue).json().getString("shortId"), "stable across reads");
        }
        Reply found = world.api().get("/api/0/organizations/" + world.slug() + "/shortids/" + prefix.toLowerCase(Locale.ROOT) + "3/");
        assertEquals(200, found.status(), found.toString());
        assertEquals(String.valueOf(world.issues().get("I3")), found.json().getString("groupId"));
        assertEquals(prefix + "3", found.json().getString("shortId"));
        assertEquals(world.project().slug(), found.json().getString("projectSlug"));
        assertEquals(world.slug(), found.json().getString("organizationSlug"));
        assertEquals("I3 Payment gateway timeout", found.json().getJsonObject("group").getString("title"));
        assertEquals(List.of("I3"), list(world, "/api/0/organizations/" + world.slug() + "/issues/?query=" + q("issue:" + prefix + "3")));
        assertEquals(404, world.api().get("/api/0/organizations/" + world.slug() + "/shortids/" + prefix + "99/").status());
        Reply malformed = world.api().get("/api/0/organizations/" + world.slug() + "/issues/?query=" + q("issue:nope"));
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.json().getString("detail").contains("WEB-12"), malformed.toString());
    }

    @Test
    void concurrentNewIssuesOfOneProjectGetDistinctShortNumbersWithoutGaps(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "shortids");
        Project project = IssueFixtures.project(topology, topology.regionServer(), owner);
        int clients = 8;
        int issuesEach = 5;
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int c = client;
            sending.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < issuesEach; n++) {
                    send(topology, topology.regionServer(), project, event("race-" + c + "-" + n, now, "error",
                            "race " + c + " " + n).build());
                }
            }, pool));
        }
        try {
            for (var sent : sending) {
                sent.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> numbers = new ArrayList<>();
        for (String number : Database.queryOne(topology, topology.regionServer(), "SELECT string_agg(short_number::text, ','"
                + " ORDER BY short_number) FROM region.issue WHERE project_id = ?", project.id()).split(",")) {
            numbers.add(Long.parseLong(number));
        }
        assertEquals(LongStream.rangeClosed(1, clients * issuesEach).boxed().toList(), numbers,
                "one number per issue, 1 to " + clients * issuesEach + ", none twice, none skipped");
    }

    @Test
    void aProjectsIssuesAreResolvedInBulkAsSentryCliAsks(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "bulk");
        Project project = IssueFixtures.project(topology, topology.regionServer(), owner);
        Project other = IssueFixtures.project(topology, topology.regionServer(), owner);
        Instant now = Instant.now();
        send(topology, topology.regionServer(), other, event("O1", now, "error", "O1 elsewhere").build());
        long otherIssue = Long.parseLong(Database.queryOne(topology, topology.regionServer(),
                "SELECT id FROM region.issue WHERE project_id = ?", other.id()));
        for (String label : List.of("B1", "B2", "B3")) {
            send(topology, topology.regionServer(), project, event(label, now, "error", label + " bulk").build());
        }
        Map<String, Long> ids = new HashMap<>();
        for (String label : List.of("B1", "B2", "B3")) {
            ids.put(label, Long.parseLong(Database.queryOne(topology, topology.regionServer(),
                    "SELECT id FROM region.issue WHERE project_id = ? AND title LIKE ?", project.id(), label + " %")));
        }
        String bulk = "/api/0/projects/" + owner.slug() + "/" + project.slug() + "/issues/";
        String resolve = "{\"status\":\"resolved\",\"snoozeDuration\":null}";
        Reply resolved = owner.api().put(bulk + "?id=" + ids.get("B1") + "&id=" + ids.get("B2"), resolve);
        assertEquals(200, resolved.status(), resolved.toString());
        assertEquals("resolved", resolved.json().getString("status"));
        Map<String, String> statuses = new HashMap<>();
        ids.forEach((label, id) -> statuses.put(label, owner.api().get("/api/0/organizations/" + owner.slug() + "/issues/"
                + id + "/").json().getString("status")));
        assertEquals(Map.of("B1", "resolved", "B2", "resolved", "B3", "unresolved"), statuses);

        assertEquals(200, owner.api().put(bulk + "?status=unresolved", resolve).status(), "every unresolved one");
        assertEquals("resolved", owner.api().get("/api/0/organizations/" + owner.slug() + "/issues/" + ids.get("B3") + "/")
                .json().getString("status"));
        assertEquals(204, owner.api().put(bulk + "?id=" + otherIssue, resolve).status(),
                "another project's issue is passed over");
        assertEquals("unresolved", owner.api().get("/api/0/organizations/" + owner.slug() + "/issues/"
                + otherIssue + "/").json().getString("status"));
        Reply unnamed = owner.api().put(bulk, resolve);
        assertEquals(400, unnamed.status(), unnamed.toString());
        assertTrue(unnamed.isProblem(), unnamed.toString());
    }
}
