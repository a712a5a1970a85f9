package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SplitTopologyTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Direct routes by host name on control's address, exactly as README shows them with curl's {@code --resolve}:
 * a region's API host ({@code eu.localhost}) reaches that region whatever the path, and an organization's
 * customer domain ({@code <slug>.localhost}) serves that organization only.
 */
@SplitTopologyTest
class HostRoutingIT {

    /** The status curl got for {@code GET http://<host>:<control port><path>}, resolved to 127.0.0.1. */
    private static int curl(Topology topology, String host, String path, String token) throws IOException, InterruptedException {
        return Integer.parseInt(curlAnswer(topology, host, path, token).split(" ")[0]);
    }

    /** The status and the redirect's target ({@code 308 http://…}, or the status and nothing) curl got. */
    private static String curlAnswer(Topology topology, String host, String path, String token)
            throws IOException, InterruptedException {
        int port = topology.httpPort("control");
        Process curl = new ProcessBuilder(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                "--resolve", host + ":" + port + ":127.0.0.1", "-H", "Authorization: Bearer " + token,
                "http://" + host + ":" + port + path)).redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, curl.waitFor(), "curl ran: " + answer);
        return answer;
    }

    /** What curl got once control's directory (and its route cache) learnt the rename the region reported. */
    private static String redirectOnce(Topology topology, String host, String path, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String answer = curlAnswer(topology, host, path, token);
        while (!answer.startsWith("308") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            answer = curlAnswer(topology, host, path, token);
        }
        return answer;
    }

    @Test
    void anOldSlugRedirectsOnARegionHostAndAsACustomerDomain(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url("control"), "moved");
        String token = Accounts.token(account.session(), "org:read", "org:write");
        ApiClient owner = ApiClient.withToken(topology.url("control"), token);
        String before = "before-" + UUID.randomUUID().toString().substring(0, 8);
        String after = "after-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, owner.post("/api/0/organizations/", "{\"name\":\"Moved\",\"slug\":\"" + before
                + "\",\"region\":\"eu\"}").status());
        Organizations.awaitTokenReplica(topology, "region-eu", account.userId());
        Reply renamed = owner.put("/api/0/organizations/" + before + "/", "{\"slug\":\"" + after + "\"}");
        assertEquals(200, renamed.status(), renamed.toString());
        int port = topology.httpPort("control");

        assertEquals("308 http://eu.localhost:" + port + "/api/0/organizations/" + after + "/projects/?per_page=1",
                redirectOnce(topology, "eu.localhost", "/api/0/organizations/" + before + "/projects/?per_page=1", token),
                "the region host redirects the old slug in the path");
        assertEquals("308 http://" + after + ".localhost:" + port + "/api/0/organizations/" + after + "/",
                redirectOnce(topology, before + ".localhost", "/api/0/organizations/" + before + "/", token),
                "the old customer domain redirects to the new one");
        assertEquals(200, curl(topology, "eu.localhost", "/api/0/organizations/" + after + "/", token));
        assertEquals(200, curl(topology, after + ".localhost", "/api/0/organizations/" + after + "/", token));
    }

    @Test
    void aRegionHostReachesItsRegionAndACustomerDomainOnlyItsOrganization(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url("control"), "hosts");
        String token = Accounts.token(account.session(), "org:read", "org:write");
        ApiClient owner = ApiClient.withToken(topology.url("control"), token);
        String slug = "hosted-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = owner.post("/api/0/organizations/", "{\"name\":\"Hosted\",\"slug\":\"" + slug + "\",\"region\":\"eu\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals(201, owner.post("/api/0/organizations/", "{\"name\":\"Other\",\"slug\":\"" + other + "\",\"region\":\"eu\"}")
                .status());
        Organizations.awaitTokenReplica(topology, "region-eu", account.userId());
        String organization = "/api/0/organizations/" + slug + "/";

        assertEquals(200, curl(topology, "eu.localhost", organization, token), "eu's API host reaches eu");
        assertEquals(404, curl(topology, "us.localhost", organization, token),
                "us's API host reaches us, which does not hold the organization");
        assertEquals(404, curl(topology, "eu.localhost", "/api/0/users/me/", token), "a region host serves no control API");
        assertEquals(200, curl(topology, slug + ".localhost", organization, token), "the customer domain serves its organization");
        assertEquals(404, curl(topology, slug + ".localhost", "/api/0/organizations/" + other + "/", token),
                "and no other, even one the caller belongs to");
        assertEquals(200, curl(topology, "localhost", "/api/0/organizations/" + other + "/", token),
                "the main host routes by the path");
    }
}
