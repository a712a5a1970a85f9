package io.silo.system.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.Database;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The one PostgreSQL cluster of a topology (every silo's database) stopped for 70 s with {@code ./silo stop postgres}
 * while the servers run, as a database restart does. Meanwhile every resource family answers within 3 s with a 503
 * problem+json naming whose database is away, with {@code Retry-After} (or 200 from a cache): no 500, no HTML page,
 * no hang. A token and a profile control had cached still answer past their TTL, and the gateway still routes a known
 * organization to its region (whose own database is away too: its 503 says so). After {@code ./silo start postgres}, sign-up, login, organization creation and an issue list through the
 * gateway work within 2 s — past the instance lease's 60 s, so ids are issued at once again — a change written just
 * before the outage and held in the region's outbox through it reaches control after it, exactly once, and each server's log says so in a few lines, not a stack trace a
 * tick.
 */
public abstract class DatabaseOutageScenarios {

    private static final Duration OUTAGE = Duration.ofSeconds(70);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    private static final Duration BACK_WITHIN = Duration.ofSeconds(2);
    private static final String PASSWORD = "a passphrase to outlast an outage";
    /** A live setting applies within about 5 s (Payara's config cache). */
    private static final Duration LIVE_SETTING_APPLIES = Duration.ofSeconds(7);

    @Test
    void anOutageIsA503EverywhereAndEndsTheMomentTheDatabaseIsBack(Topology topology) throws Exception {
        URI control = topology.url(topology.controlServer());
        String region = topology.regions().get(topology.regions().size() - 1);
        URI regionServer = topology.url(topology.regionServer(region));
        String email = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        ApiClient session = ApiClient.anonymous(control);
        assertEquals(200, session.signUpAndLogin(email, "Outage", PASSWORD).status());
        String token = Accounts.token(session, "org:admin", "project:admin", "member:admin", "event:admin",
                "team:admin");
        ApiClient api = ApiClient.withToken(control, token);
        String slug = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, session.post("/api/0/organizations/", Json.createObjectBuilder().add("name", "Outage")
                .add("slug", slug).add("region", region).build().toString()).status());
        assertEquals(201, api.post("/api/0/teams/" + slug + "/" + slug + "/projects/", Json.createObjectBuilder()
                .add("name", "Web").add("slug", "web").build().toString()).status());
        ApiClient operator = ApiClient.withToken(control, Accounts.token(Accounts.operator(control).session(), "admin"));
        // written just before the outage and held in the region's outbox (audit entries switched off) until after
        // it: the rows must outlive the outage and be delivered once the database is back
        topology.setLiveConfig("silo.outbox.disabled-categories", "AUDIT_ENTRY");
        Thread.sleep(LIVE_SETTING_APPLIES.toMillis());
        String project = "web-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(200, api.put("/api/0/projects/" + slug + "/web/", Json.createObjectBuilder().add("slug", project)
                .build().toString()).status());
        assertEquals("0", Database.queryOne(topology, topology.controlServer(), "SELECT count(*) FROM control.audit_log"
                + " WHERE event = 'project.updated' AND detail = ?", project), "held in the region's outbox");

        Map<String, ApiClient> clients = Map.of("token", api, "session", session, "operator", operator,
                "region", ApiClient.withToken(regionServer, token));
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("account", "token GET /api/0/users/me/");
        probes.put("tokens", "session GET /api/0/api-tokens/");
        probes.put("picker", "token GET /api/0/organizations/");
        probes.put("organization", "token GET /api/0/organizations/" + slug + "/");
        probes.put("members", "token GET /api/0/organizations/" + slug + "/members/");
        probes.put("projects", "token GET /api/0/organizations/" + slug + "/projects/");
        probes.put("keys", "token GET /api/0/projects/" + slug + "/" + project + "/keys/");
        probes.put("issues (gateway)", "token GET /api/0/organizations/" + slug + "/issues/");
        probes.put("issues (region host)", "region GET /api/0/organizations/" + slug + "/issues/");
        probes.put("integrations", "token GET /api/0/integrations/?organization=" + slug);
        probes.put("admin outbox", "operator GET /api/0/admin/outbox/shards/");
        probes.put("sign-up", "anonymous POST /api/0/auth/register/");

        // the token and the profile are in control's identity cache, the organization's route in the gateway's
        assertEquals(200, api.get("/api/0/users/me/").status());
        assertEquals(200, api.get("/api/0/organizations/" + slug + "/").status());
        Map<Path, Long> logSizes = logSizes(topology);
        ProcessResult stopped = topology.stopDatabase();
        assertEquals(0, stopped.exitCode(), stopped.toString());
        Instant outageStarted = Instant.now();
        List<String> answers = new ArrayList<>();
        try {
            Map<String, Reply> atOnce = probeAll(probes, clients, control, answers, "at once");
            Instant askedHealth = Instant.now();
            Reply live = ApiClient.anonymous(control).get("/health/live");
            Reply ready = ApiClient.anonymous(control).get("/health/ready");
            assertEquals(200, live.status(), "live through the outage: " + live);
            assertEquals(503, ready.status(), "not ready without its database: " + ready);
            assertTrue(ready.body().contains("\"database\"") && ready.body().contains("DOWN"), ready.toString());
            assertTrue(Duration.between(askedHealth, Instant.now()).compareTo(ANSWER_WITHIN) <= 0, "health at once");
            if (topology.isSplit()) {
                // RPC between silos: region us asks control's user service, whose database is away
                Instant asked = Instant.now();
                Reply rpc = ApiClient.anonymous(topology.url(topology.regionServer(topology.regions().get(0))))
                        .post("/api/0/internal/testing/rpc/user/findByEmail", "{\"email\":\"" + email + "\"}");
                Duration took = Duration.between(asked, Instant.now());
                answers.add("rpc at once: " + rpc.status() + " " + rpc.json().getString("type") + " in " + took.toMillis()
                        + " ms");
                assertTrue(took.compareTo(ANSWER_WITHIN) <= 0, "RPC answered within " + ANSWER_WITHIN + ": " + rpc);
                assertEquals("urn:silo:rpc:failure:UNAVAILABLE", rpc.json().getString("type"), rpc.toString());
            }
            sleepUntil(outageStarted.plus(OUTAGE.minusSeconds(15)));
            Map<String, Reply> later = probeAll(probes, clients, control, answers, "after 55 s");
            for (Map<String, Reply> replies : List.of(atOnce, later)) {
                assertEquals(200, replies.get("account").status(), "a cached token and profile answer, even past"
                        + " their TTL (30 s): " + replies.get("account"));
            }
            if (topology.isSplit()) {
                assertTrue(later.get("organization").json().getString("detail").contains("region " + region),
                        "the gateway routed a known organization from its cache to its region: "
                                + later.get("organization"));
            }
            sleepUntil(outageStarted.plus(OUTAGE));
        } finally {
            ProcessResult started = topology.startDatabase();
            topology.setLiveConfig("silo.outbox.disabled-categories", null);
            assertEquals(0, started.exitCode(), started.toString());
        }
        Instant back = Instant.now();

        Reply signUp = ApiClient.anonymous(control).post("/api/0/auth/register/", registration("after"));
        Duration firstAnswer = Duration.between(back, Instant.now());
        assertEquals(201, signUp.status(), "the first sign-up after the outage: " + signUp);
        assertEquals(200, ApiClient.anonymous(control).login(email, PASSWORD).status(), "login");
        String after = "after-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, session.post("/api/0/organizations/", Json.createObjectBuilder().add("name", "After")
                .add("slug", after).add("region", region).build().toString()).status(), "organization creation");
        assertEquals(200, api.get("/api/0/organizations/" + slug + "/issues/").status(), "issues through the gateway");
        Duration recovered = Duration.between(back, Instant.now());
        System.out.println("database outage: first answer " + firstAnswer.toMillis() + " ms, sign-up, login, creation"
                + " and an issue list " + recovered.toMillis() + " ms after the database was back; answers during the"
                + " outage: " + answers);
        assertTrue(firstAnswer.compareTo(BACK_WITHIN) <= 0, "the first request after the outage succeeded within "
                + BACK_WITHIN + ": " + firstAnswer + " (all four in " + recovered + ")");

        assertEquals("1", Database.await(topology, topology.controlServer(), Duration.ofSeconds(30), "1",
                "SELECT count(*) FROM control.audit_log WHERE event = 'project.updated' AND detail = ?", project),
                "the change written before the outage reached control after it, exactly once");
        for (Map.Entry<Path, Long> log : logSizes.entrySet()) {
            List<String> lines = appended(log.getKey(), log.getValue());
            long poolFailures = lines.stream().filter(line -> line.contains("poolmgr.create_resource_error")).count();
            assertTrue(poolFailures <= 4, log.getKey() + " logged the pool's failure " + poolFailures + " times in a"
                    + " 70 s outage: at most once a minute");
            for (String job : List.of("Outbox drain", "Instance lease renewal", "Outbox consumers")) {
                long reports = lines.stream().filter(line -> line.contains(job + ": the database cannot be reached"))
                        .count();
                assertTrue(reports <= 1, log.getKey() + ": " + job + " reported the outage " + reports + " times");
            }
        }
    }

    private static Map<String, Reply> probeAll(Map<String, String> probes, Map<String, ApiClient> clients, URI control,
                                               List<String> answers, String when) {
        Map<String, Reply> replies = new LinkedHashMap<>();
        for (Map.Entry<String, String> probe : probes.entrySet()) {
            String[] parts = probe.getValue().split(" ", 3);
            ApiClient client = parts[0].equals("anonymous") ? ApiClient.anonymous(control) : clients.get(parts[0]);
            Instant asked = Instant.now();
            Reply reply = parts[1].equals("POST") ? client.post(parts[2], registration("during"))
                    : client.get(parts[2]);
            Duration took = Duration.between(asked, Instant.now());
            replies.put(probe.getKey(), reply);
            String what = probe.getKey() + " " + when + ": " + reply.status() + " in " + took.toMillis() + " ms";
            answers.add(what);
            assertTrue(took.compareTo(ANSWER_WITHIN) <= 0, what + " " + reply);
            if (reply.status() != 200) {
                assertEquals(503, reply.status(), what + " " + reply);
                assertTrue(reply.isProblem(), what + " is problem+json: " + reply);
                assertTrue(reply.headers().firstValue("Retry-After").isPresent(), what + " " + reply);
                assertTrue(reply.json().getString("detail").contains("database"), what + " " + reply);
            }
        }
        return replies;
    }

    private static String registration(String who) {
        return Json.createObjectBuilder().add("email", who + "-" + UUID.randomUUID() + "@example.com")
                .add("name", "Outage " + who).add("password", PASSWORD).build().toString();
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static Map<Path, Long> logSizes(Topology topology) throws IOException {
        Map<Path, Long> sizes = new LinkedHashMap<>();
        for (String server : topology.servers()) {
            Path log = topology.dataDir().resolve("logs").resolve(server + ".log");
            sizes.put(log, Files.exists(log) ? Files.size(log) : 0L);
        }
        return sizes;
    }

    private static List<String> appended(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return List.of(new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                java.nio.charset.StandardCharsets.UTF_8).split("\n"));
    }
}
