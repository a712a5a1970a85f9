package io.silo.system.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.harness.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        int port = topology.httpPort("control");
        Process curl = new ProcessBuilder(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--resolve", host + ":" + port + ":127.0.0.1", "-H", "Authorization: Bearer " + token,
                "http://" + host + ":" + port + path)).redirectErrorStream(true).start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, curl.waitFor(), "curl ran: " + status);
        return Integer.parseInt(status);
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
