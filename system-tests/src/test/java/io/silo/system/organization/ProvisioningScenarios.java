package io.silo.system.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.Topology;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An organization provisioned in a region: it exists there with its owner and a default team, control's
 * directory learns its mapping and the owner's membership through the outbox, and provisioning the same
 * organization again (a redelivered provisioning message) changes nothing.
 */
public abstract class ProvisioningScenarios {

    private static final Duration REPLICATION = Duration.ofSeconds(30);

    @Test
    void aProvisionedOrganizationHasItsOwnerAndDefaultTeamAndControlLearnsItsMapping(Topology topology) throws Exception {
        Accounts.Account owner = Accounts.signUp(topology.url(topology.controlServer()), "provisioned");
        String slug = "prov-" + UUID.randomUUID().toString().substring(0, 8);
        long id = Organizations.provision(topology, topology.regionServer(), slug, owner.userId());

        assertEquals(slug + "|ACTIVE|" + owner.userId() + "|owner|" + slug, Database.queryOne(topology, topology.regionServer(),
                "SELECT o.slug || '|' || o.status || '|' || m.user_id || '|' || m.role || '|' || t.slug"
                        + " FROM region.organization o JOIN region.organization_member m ON m.organization_id = o.id"
                        + " JOIN region.team t ON t.organization_id = o.id"
                        + " JOIN region.team_member tm ON tm.team_id = t.id AND tm.member_id = m.id WHERE o.id = ?", id));
        assertEquals(slug + "|ACTIVE|" + topology.region(), Database.await(topology, topology.controlServer(), REPLICATION,
                slug + "|ACTIVE|" + topology.region(), "SELECT slug || '|' || status || '|' || region"
                        + " FROM control.organization_mapping WHERE id = ?", id), "control's directory has the mapping");
        assertEquals("owner", Database.await(topology, topology.controlServer(), REPLICATION, "owner",
                "SELECT role FROM control.organization_member_mapping WHERE organization_id = ? AND user_id = ?"
                        + " AND NOT is_removed", id, owner.userId()), "control knows the owner's membership");
    }

    @Test
    void provisioningTheSameOrganizationAgainChangesNothing(Topology topology) throws Exception {
        Accounts.Account owner = Accounts.signUp(topology.url(topology.controlServer()), "reprovisioned");
        String slug = "again-" + UUID.randomUUID().toString().substring(0, 8);
        long id = Organizations.provision(topology, topology.regionServer(), slug, owner.userId());
        String before = Database.queryOne(topology, topology.regionServer(), "SELECT version FROM region.organization WHERE id = ?", id);

        assertEquals(201, ApiClient.anonymous(
                topology.url(topology.regionServer())).post("/api/0/internal/testing/organizations/", "{\"id\":" + id
                + ",\"slug\":\"" + slug + "\",\"name\":\"Renamed?\",\"ownerUserId\":" + owner.userId() + "}").status());

        assertEquals(before + "|1|1|Organization " + slug, Database.queryOne(topology, topology.regionServer(),
                "SELECT o.version || '|' || (SELECT count(*) FROM region.organization_member m WHERE m.organization_id = o.id)"
                        + " || '|' || (SELECT count(*) FROM region.team t WHERE t.organization_id = o.id) || '|' || o.name"
                        + " FROM region.organization o WHERE o.id = ?", id));
    }
}
