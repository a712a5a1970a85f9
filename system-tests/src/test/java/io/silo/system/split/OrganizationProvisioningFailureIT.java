package io.silo.system.split;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.SplitTopologyTest;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Organization creation when a region fails: a region that is down gets a clear 503 and no claim; a creation
 * whose region never answered is given up once its claim's lease expires, leaving no organization anywhere and
 * the slug free again; one whose region created it but whose answer was lost is repaired from the region.
 * The reconciliation sweep runs every 15 s on every control instance.
 */
@SplitTopologyTest
class OrganizationProvisioningFailureIT {

    private static final Duration RECONCILIATION = Duration.ofSeconds(45);

    private static ApiClient newUser(Topology topology, String who) {
        return Accounts.newUserWithToken(topology.url("control"), who, "org:read", "org:write");
    }

    private static Reply create(ApiClient user, String slug, String region) {
        return user.post("/api/0/organizations/", Json.createObjectBuilder().add("name", "Org " + slug).add("slug", slug)
                .add("region", region).build().toString());
    }

    private static void expireClaim(Topology topology, String slug) throws Exception {
        try (var connection = topology.connectAs("control");
             var update = connection.prepareStatement("UPDATE control.slug_reservation"
                     + " SET lease_expires_at = now() - interval '1 second' WHERE slug = ?")) {
            update.setString(1, slug);
            assertEquals(1, update.executeUpdate(), "the claim of " + slug + " exists");
        }
    }

    @Test
    void creatingInARegionThatIsDownAnswers503AndClaimsNothing(Topology topology) throws Exception {
        ApiClient user = newUser(topology, "outage");
        String slug = "down-" + UUID.randomUUID().toString().substring(0, 8);
        topology.kill("region-eu");
        try {
            Reply refused = create(user, slug, "eu");

            assertEquals(503, refused.status(), refused.toString());
            assertTrue(refused.isProblem() && refused.json().getString("detail").contains("eu"), refused.toString());
            assertTrue(refused.header("Retry-After").isPresent(), refused.toString());
            assertEquals("0|0", Database.queryOne(topology, "control", "SELECT (SELECT count(*) FROM control.slug_reservation"
                    + " WHERE slug = ?) || '|' || (SELECT count(*) FROM control.organization_mapping WHERE slug = ?)", slug, slug));
            assertEquals(201, create(user, "up-" + slug, "us").status(), "the other region still takes organizations");
        } finally {
            assertEquals(0, topology.up().exitCode(), "region eu starts again");
        }
        assertEquals(201, create(user, slug, "eu").status(), "once eu is back the slug is free to create there");
    }

    @Test
    void aCreationTheRegionNeverReceivedIsGivenUpWhenItsLeaseExpiresAndTheSlugIsFreeAgain(Topology topology)
            throws Exception {
        ApiClient user = newUser(topology, "stuck");
        String slug = "stuck-" + UUID.randomUUID().toString().substring(0, 8);
        topology.setLiveConfig("silo.outbox.disabled-categories", "ORGANIZATION_PROVISIONING");
        long id;
        try {
            Thread.sleep(6_000);
            Reply pending = create(user, slug, "eu");
            assertEquals(202, pending.status(), "the region never hears of it: " + pending);
            assertEquals("provisioning", pending.json().getJsonObject("status").getString("id"));
            id = Long.parseLong(pending.json().getString("id"));
            expireClaim(topology, slug);

            assertEquals("0|0|1", Database.await(topology, "control", RECONCILIATION, "0|0|1",
                    "SELECT (SELECT count(*) FROM control.slug_reservation WHERE slug = ?) || '|'"
                            + " || (SELECT count(*) FROM control.organization_mapping WHERE id = ?) || '|'"
                            + " || (SELECT count(*) FROM control.cancelled_organization WHERE organization_id = ?)", slug, id, id),
                    "the claim was released and the mapping removed");
            assertEquals("0", Database.queryOne(topology, "control", "SELECT count(*) FROM control.control_outbox"
                    + " WHERE category = 'ORGANIZATION_PROVISIONING' AND object_id = ?", id), "the unsent request is gone");
            assertEquals("1", Database.queryOne(topology, "control", "SELECT count(*) FROM control.audit_log"
                    + " WHERE event = 'organization.provisioning-released' AND detail LIKE ?", "%" + slug + "%"));
        } finally {
            topology.setLiveConfig("silo.outbox.disabled-categories", null);
        }
        Reply again = create(newUser(topology, "second-try"), slug, "eu");
        assertEquals(201, again.status(), "the slug is free again: " + again);
        assertEquals("0", Database.queryOne(topology, "region-eu", "SELECT count(*) FROM region.organization WHERE id = ?", id),
                "the given-up organization exists nowhere");
    }

    @Test
    void aCreationWhoseRegionAnswerWasLostIsRepairedFromTheRegion(Topology topology) throws Exception {
        ApiClient user = newUser(topology, "repaired");
        String slug = "lost-" + UUID.randomUUID().toString().substring(0, 8);
        topology.setLiveConfig("silo.outbox.disabled-categories", "ORGANIZATION_MAPPING");
        try {
            Thread.sleep(6_000);
            Reply pending = create(user, slug, "eu");
            assertEquals(202, pending.status(), "the region's answer is held back: " + pending);
            long id = Long.parseLong(pending.json().getString("id"));
            assertEquals("1", Database.await(topology, "region-eu", Duration.ofSeconds(20), "1",
                    "SELECT count(*) FROM region.organization WHERE id = ?", id), "the region created it");
            expireClaim(topology, slug);

            assertEquals("ACTIVE|", Database.await(topology, "control", RECONCILIATION, "ACTIVE|",
                    "SELECT m.status || '|' || coalesce(r.lease_expires_at::text, '') FROM control.organization_mapping m"
                            + " JOIN control.slug_reservation r ON r.organization_id = m.id WHERE m.id = ?", id),
                    "the mapping was activated from the region and the claim confirmed");
        } finally {
            topology.setLiveConfig("silo.outbox.disabled-categories", null);
        }
    }
}
