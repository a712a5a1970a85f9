package io.silo.system.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.ProcessResult;
import io.silo.system.harness.Metrics;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Control's API gateway on the split topology: one user, one token, organizations in eu and us created through
 * control and then used only through control's address — organization, projects, DSN keys, SDK traffic for old
 * DSNs and paginated issue lists — while each region holds its own data; what crosses the gateway (headers,
 * forwarded addresses), what it refuses (unknown organizations, sessions without CSRF, forged forwarded sessions), and a region that is down.
 */
@SplitTopologyTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiGatewayIT {

    private static final String[] EVERY_SCOPE = {"org:admin", "project:admin", "team:admin", "member:admin", "event:admin"};
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"; results=\"true\"");

    private record User(Accounts.Account account, String token, ApiClient gateway) {
    }

    private static User newUser(Topology topology, String who) {
        Accounts.Account account = Accounts.signUp(topology.url("control"), who);
        String token = Accounts.token(account.session(), EVERY_SCOPE);
        return new User(account, token, ApiClient.withToken(topology.url("control"), token));
    }

    /** Creates an organization through control's POST /api/0/organizations/ in the region, ready for the user's token there. */
    private static String createOrganization(Topology topology, User user, String region) throws Exception {
        String slug = "gw-" + region + "-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = user.gateway().post("/api/0/organizations/", Json.createObjectBuilder().add("name", "Gateway " + slug)
                .add("slug", slug).add("region", region).build().toString());
        assertEquals(201, created.status(), created.toString());
        Organizations.awaitTokenReplica(topology, "region-" + region, user.account().userId());
        return slug;
    }

    @Test
    @Order(1)
    void organizationsInEuAndUsWorkThroughControlWithOneTokenAndPaginationOnControlsAddress(Topology topology) throws Exception {
        User user = newUser(topology, "gateway");
        URI control = topology.url("control");
        for (String region : List.of("eu", "us")) {
            String slug = createOrganization(topology, user, region);
            String other = region.equals("eu") ? "us" : "eu";

            Reply organization = user.gateway().get("/api/0/organizations/" + slug + "/");
            assertEquals(200, organization.status(), organization.toString());
            assertEquals(slug, organization.json().getString("slug"));

            Reply project = user.gateway().post("/api/0/teams/" + slug + "/" + slug + "/projects/",
                    Json.createObjectBuilder().add("name", "Backend").add("platform", "python").build().toString());
            assertEquals(201, project.status(), project.toString());
            String projectSlug = project.json().getString("slug");
            long projectId = Long.parseLong(project.json().getString("id"));
            assertEquals("1", Database.queryOne(topology, "region-" + region,
                    "SELECT count(*) FROM region.project WHERE id = ?", projectId), "the project lives in " + region);
            assertEquals("0", Database.queryOne(topology, "region-" + other,
                    "SELECT count(*) FROM region.project WHERE id = ?", projectId), "and not in " + other);

            Reply keys = user.gateway().get("/api/0/projects/" + slug + "/" + projectSlug + "/keys/");
            assertEquals(200, keys.status(), keys.toString());
            JsonObject key = keys.jsonArray().getJsonObject(0);
            URI dsn = URI.create(key.getJsonObject("dsn").getString("public"));
            assertEquals(topology.url("region-" + region).getAuthority(), dsn.getHost() + ":" + dsn.getPort(),
                    "a local install's DSN names " + region + "'s own server, which resolves anywhere: " + dsn);
            String publicKey = key.getString("public");

            assertEquals(region, Database.await(topology, "control", Duration.ofSeconds(30), region,
                    "SELECT region FROM control.project_key_mapping WHERE public_key = ?", publicKey),
                    "control learned where the key lives");
            assertSdkTrafficReaches(topology, region, other, projectId, publicKey);

            Reply firstPage = user.gateway().get("/api/0/organizations/" + slug + "/issues/?per_page=2");  // of the 3 events' issues
            assertEquals(200, firstPage.status(), firstPage.toString());
            assertEquals(2, firstPage.jsonArray().size(), firstPage.toString());
            String link = firstPage.header("Link").orElseThrow();
            Matcher next = NEXT.matcher(link);
            assertTrue(next.find(), link);
            URI nextUrl = URI.create(next.group(1));
            assertEquals(control.getAuthority(), nextUrl.getRawAuthority(), "pagination stays on control's address: " + link);
            assertFalse(link.contains(":" + topology.httpPort("region-" + region)), link);
            Reply secondPage = user.gateway().get(nextUrl.getRawPath() + "?" + nextUrl.getRawQuery());
            assertEquals(200, secondPage.status(), secondPage.toString());
            assertEquals(1, secondPage.jsonArray().size(), secondPage.toString());
        }
        List<String> picker = user.gateway().get("/api/0/organizations/").jsonArray().stream().map(JsonValue::asJsonObject)
                .map(o -> o.getString("region")).sorted().toList();
        assertEquals(List.of("eu", "us"), picker, "control still answers its own organization list");
    }

    /**
     * Three events sent to control's ingestion endpoint with the key (in X-Sentry-Auth, the query, the envelope's
     * dsn) are stored in the key's region, whole, and reach no other: three issues there.
     */
    private static void assertSdkTrafficReaches(Topology topology, String region, String other, long projectId, String publicKey)
            throws Exception {
        String[][] requests = {
                {"/api/" + projectId + "/envelope/", "sentry_key=" + publicKey + ", sentry_version=7",
                        "{}\n{\"type\":\"event\"}\n{\"message\":\"alpha envelope failure\"}\n"},
                {"/api/" + projectId + "/store/?sentry_key=" + publicKey, null, "{\"message\":\"beta store failure\"}"},
                {"/api/" + projectId + "/envelope/", null, "{\"dsn\":\"http://" + publicKey + "@" + region + ".localhost/"
                        + projectId + "\"}\n{\"type\":\"event\"}\n{\"message\":\"gamma envelope failure\"}\n"}};
        for (String[] request : requests) {
            String capture = UUID.randomUUID().toString();
            StringBuilder raw = new StringBuilder("POST " + request[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-sentry-envelope\r\nX-Silo-Capture: " + capture + "\r\n");
            if (request[1] != null) {
                raw.append("X-Sentry-Auth: Sentry ").append(request[1]).append("\r\n");
            }
            RawReply reply = raw(topology.url("control"), raw, request[2]);
            assertEquals(200, reply.status(), request[0] + " → " + reply);
            Reply captured = ApiClient.anonymous(topology.url("region-" + region))
                    .get("/api/0/internal/testing/captured-requests/" + capture);
            assertEquals(200, captured.status(), "reached " + region + ": " + captured);
            assertEquals(request[0], captured.json().getString("path"));
            assertEquals(List.of(String.valueOf(request[2].getBytes(StandardCharsets.UTF_8).length)),
                    captured.json().getJsonObject("headers").getJsonArray("content-length").getValuesAs(
                            jakarta.json.JsonString::getString), "the whole body went on");
            assertEquals(404, ApiClient.anonymous(topology.url("region-" + other))
                    .get("/api/0/internal/testing/captured-requests/" + capture).status(), "nothing reached " + other);
        }
        RawReply unknown = raw(topology.url("control"), new StringBuilder("POST /api/" + projectId
                + "/envelope/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Sentry-Auth: Sentry sentry_key=0123456789abcdef0123456789abcdef\r\n"), "{}\n");
        assertEquals(401, unknown.status(), unknown.toString());
        assertTrue(unknown.head().toLowerCase().contains("content-type: application/problem+json"), unknown.toString());
    }

    @Test
    @Order(2)
    void unknownOrganizationsAre404AsForNonMembersOrganizationTokensGoByPrefixAndSessionsAreCarriedSigned(Topology topology) throws Exception {
        User owner = newUser(topology, "gateway-owner");
        String slug = createOrganization(topology, owner, "eu");
        User stranger = newUser(topology, "gateway-stranger");
        Organizations.awaitTokenReplica(topology, "region-eu", stranger.account().userId());

        Reply unknown = stranger.gateway().get("/api/0/organizations/no-such-" + UUID.randomUUID().toString().substring(0, 8) + "/projects/");
        Reply notMine = stranger.gateway().get("/api/0/organizations/" + slug + "/projects/");
        assertEquals(404, unknown.status(), unknown.toString());
        assertTrue(unknown.isProblem(), unknown.toString());
        assertEquals(404, notMine.status(), notMine.toString());
        assertEquals(notMine.json().getString("detail"), unknown.json().getString("detail"),
                "an unknown organization looks exactly like someone else's");

        Reply session = owner.account().session().get("/api/0/organizations/" + slug + "/");
        assertEquals(200, session.status(), "control carries the login session to the region: " + session);
        Reply withoutCsrf = owner.account().session().withoutCsrf().put("/api/0/organizations/" + slug + "/",
                "{\"name\":\"Renamed by a forged form\"}");
        assertEquals(403, withoutCsrf.status(), "control checks the CSRF token before forwarding: " + withoutCsrf);
        Reply renamed = owner.account().session().put("/api/0/organizations/" + slug + "/", "{\"name\":\"Renamed in session\"}");
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("Renamed in session", renamed.json().getString("name"));
        assertEquals(404, stranger.account().session().get("/api/0/organizations/" + slug + "/").status(),
                "a stranger's session is carried too, and is no member");
        RawReply forged = raw(topology.url("region-eu"), new StringBuilder("GET /api/0/organizations/" + slug + "/ HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Silo-Session: " + owner.account().userId() + " org:read\r\n"
                + "X-Silo-Session-Signature: Rpcsignature k1,1,n,control,AAAA\r\n"), null);
        assertEquals(401, forged.status(), "a region refuses a forwarded session control did not sign: " + forged);
        assertEquals(200, owner.account().session().get("/api/0/organizations/").status(), "control's own endpoint takes the session");

        String inUs = createOrganization(topology, owner, "us");
        String capture = UUID.randomUUID().toString();
        RawReply byPrefix = raw(topology.url("control"), new StringBuilder("GET /api/0/organizations/" + inUs + "/ HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer silo_o_eu_" + "A".repeat(43) + "\r\nX-Silo-Capture: " + capture + "\r\n"), null);
        assertEquals(401, byPrefix.status(), "eu does not know the token: " + byPrefix);
        assertEquals(200, ApiClient.anonymous(topology.url("region-eu")).get("/api/0/internal/testing/captured-requests/"
                + capture).status(), "an organization token goes to the region its prefix names, whatever the slug");
        assertEquals(404, ApiClient.anonymous(topology.url("region-us")).get("/api/0/internal/testing/captured-requests/"
                + capture).status());
        RawReply unknownRegion = raw(topology.url("control"), new StringBuilder("GET /api/0/organizations/" + inUs
                + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer silo_o_mars_" + "A".repeat(43) + "\r\n"), null);
        assertEquals(401, unknownRegion.status(), unknownRegion.toString());

        String provisioning = "gw-provisioning-" + UUID.randomUUID().toString().substring(0, 8);
        long id = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52);
        try (Connection connection = topology.connectAs("control");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO control.organization_mapping"
                     + " (id, slug, name, region, status, version) VALUES (?, ?, 'Stuck', 'eu', 'PROVISIONING', 0)")) {
            insert.setLong(1, id);
            insert.setString(2, provisioning);
            insert.executeUpdate();
        }
        try {
            Reply pending = owner.gateway().get("/api/0/organizations/" + provisioning + "/");
            assertEquals(503, pending.status(), pending.toString());
            assertTrue(pending.isProblem() && pending.json().getString("detail").contains("still being created"), pending.toString());
            assertTrue(pending.header("Retry-After").isPresent(), pending.toString());
        } finally {
            try (Connection connection = topology.connectAs("control");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM control.organization_mapping WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
    }

    @Test
    @Order(3)
    void hopByHopHeadersStayOnTheirHopAndForwardedHeadersArrive(Topology topology) throws Exception {
        User user = newUser(topology, "gateway-headers");
        String slug = createOrganization(topology, user, "eu");
        String token = user.token();
        String capture = UUID.randomUUID().toString();
        URI control = topology.url("control");

        RawReply reply = raw(control, new StringBuilder("GET /api/0/organizations/" + slug + "/?x=1 HTTP/1.1\r\n"
                + "Host: " + control.getAuthority() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Connection: close, X-Hop-Secret\r\n"
                + "X-Hop-Secret: not-for-the-region\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "TE: trailers\r\n"
                + "Proxy-Authorization: Basic c2VjcmV0\r\n"
                + "Cookie: silo_session=something\r\n"
                + "X-Silo-Session: 1 org:admin\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\n"
                + "X-End-To-End: kept\r\n"
                + "X-Silo-Capture: " + capture + "\r\n"), null);
        assertEquals(200, reply.status(), reply.toString());

        Reply captured = ApiClient.anonymous(topology.url("region-eu")).get("/api/0/internal/testing/captured-requests/" + capture);
        assertEquals(200, captured.status(), captured.toString());
        assertEquals("/api/0/organizations/" + slug + "/?x=1", captured.json().getString("path"));
        JsonObject headers = captured.json().getJsonObject("headers");
        for (String dropped : List.of("x-hop-secret", "keep-alive", "te", "proxy-authorization", "cookie", "x-silo-session")) {
            assertFalse(headers.containsKey(dropped), dropped + " must not reach the region: " + headers);
        }
        assertEquals("kept", first(headers, "x-end-to-end"));
        assertEquals("Bearer " + token, first(headers, "authorization"), "credentials go on unchanged");
        assertEquals("203.0.113.7, 127.0.0.1", first(headers, "x-forwarded-for"));
        assertEquals("http", first(headers, "x-forwarded-proto"));
        assertEquals(control.getAuthority(), first(headers, "x-forwarded-host"));
        assertEquals(topology.url("region-eu").getAuthority(), first(headers, "host"));
    }

    @Test
    @Order(4)
    void aRegionThatIsDownGives503WithRetryAfterWhileTheOtherServesAndWorksAgainWhenBack(Topology topology) throws Exception {
        User user = newUser(topology, "gateway-outage");
        String eu = createOrganization(topology, user, "eu");
        String us = createOrganization(topology, user, "us");
        assertEquals(200, user.gateway().get("/api/0/organizations/" + eu + "/").status());
        URI control = topology.url("control");
        double euFailures = Metrics.sum(control, "silo_gateway_requests_total", "region=\"eu\"", "status=\"5xx\"");

        topology.stop("region-eu");
        try {
            Reply down = user.gateway().get("/api/0/organizations/" + eu + "/");
            assertEquals(503, down.status(), down.toString());
            assertTrue(down.isProblem() && down.json().getString("detail").contains("Region eu"), down.toString());
            assertTrue(Integer.parseInt(down.header("Retry-After").orElseThrow()) > 0, down.toString());
            assertEquals(200, user.gateway().get("/api/0/organizations/" + us + "/").status(), "us is unaffected");
            assertEquals(euFailures + 1, Metrics.sum(control, "silo_gateway_requests_total", "region=\"eu\"", "status=\"5xx\""));
            assertTrue(Metrics.sum(control, "silo_gateway_requests_total", "region=\"us\"", "status=\"2xx\"") > 0);
            assertTrue(Metrics.sum(control, "silo_gateway_duration_seconds_count", "region=\"us\"") > 0);
        } finally {
            ProcessResult restarted = topology.up();
            assertEquals(0, restarted.exitCode(), restarted.stderr());
        }
        assertEquals(200, user.gateway().get("/api/0/organizations/" + eu + "/").status(), "eu answers again");
    }

    private static String first(JsonObject headers, String name) {
        JsonArray values = headers.getJsonArray(name);
        assertTrue(values != null && !values.isEmpty(), name + " missing: " + headers);
        return values.getString(0);
    }

    private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
                size.append((char) next);
            }
            int chunk = Integer.parseInt(size.toString().strip().split(";", 2)[0], 16);
            body.write(in.readNBytes(chunk));
            in.readNBytes(2);
            if (chunk == 0) {
                return;
            }
        }
    }

    private record RawReply(int status, String head, String body) {
    }

    /**
     * One HTTP/1.1 request written byte for byte (the JDK client refuses to send hop-by-hop headers), with the
     * body and its Content-Length when given; the answer is read by its Content-Length or chunks.
     */
    private static RawReply raw(URI server, StringBuilder head, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        if (head.indexOf("Connection:") < 0) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
            while (!headBytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                headBytes.write(next);
            }
            String answerHead = headBytes.toString(StandardCharsets.ISO_8859_1).strip();
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(answerHead);
            ByteArrayOutputStream answerBody = new ByteArrayOutputStream();
            if (length.find()) {
                answerBody.write(in.readNBytes(Integer.parseInt(length.group(1))));
            } else if (answerHead.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                readChunks(in, answerBody);
            }
            return new RawReply(Integer.parseInt(answerHead.split(" ", 3)[1]), answerHead,
                    answerBody.toString(StandardCharsets.UTF_8));
        }
    }
}
