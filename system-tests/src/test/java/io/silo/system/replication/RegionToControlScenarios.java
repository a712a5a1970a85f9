package io.silo.system.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.RegionMessages;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Topology;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Region → control replication on real servers: what a region writes through its outbox (organizations,
 * memberships, project keys, audit entries) reaches control's directory and audit index, where only a newer
 * version changes anything. Regions have no organizations yet, so the region side writes its messages
 * through the testing endpoint, which calls the same outbox service the region's domain will.
 */
public abstract class RegionToControlScenarios {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 52);
    }

    private void write(Topology topology, String category, String json) {
        RegionMessages.write(topology, topology.regionServer(), category, json);
    }

    private void organization(Topology topology, long id, String slug, String name, String status, long version) {
        RegionMessages.organization(topology, topology.regionServer(), topology.region(), id, slug, name, status, version);
    }

    private void member(Topology topology, long id, long organizationId, long userId, String role, boolean removed,
                        long version) {
        write(topology, "ORGANIZATION_MEMBER_MAPPING", "{\"id\":" + id + ",\"organizationId\":" + organizationId
                + ",\"userId\":" + userId + ",\"role\":\"" + role + "\",\"removed\":" + removed + ",\"version\":" + version + "}");
    }

    private void auditEntry(Topology topology, long id, long organizationId, long actorUserId, String event, String detail) {
        write(topology, "AUDIT_ENTRY", "{\"id\":" + id + ",\"region\":\"" + topology.region() + "\",\"organizationId\":"
                + organizationId + ",\"actorUserId\":" + actorUserId + ",\"event\":\"" + event + "\",\"ipAddress\":\"198.51.100.7\""
                + ",\"detail\":\"" + detail + "\",\"createdAt\":\"" + Instant.now() + "\"}");
    }

    /**
     * Waits until everything written so far in the organization's shard has been applied in control: messages
     * of one shard are applied in order, so once a fresh audit entry written last has arrived, so has the rest.
     */
    private void awaitShardApplied(Topology topology, long organizationId) throws Exception {
        long marker = newId();
        auditEntry(topology, marker, organizationId, 0, "test.marker", "marker");
        assertEquals("1", Database.await(topology, topology.controlServer(), ARRIVAL, "1",
                "SELECT count(*) FROM control.audit_log WHERE id = ?", marker), "the shard's marker arrived in control");
    }

    private String organizationInControl(Topology topology, long id) throws Exception {
        return Database.queryOne(topology, topology.controlServer(), "SELECT slug || '|' || name || '|' || status || '|' || region"
                + " || '|' || version FROM control.organization_mapping WHERE id = ?", id);
    }

    @Test
    void anOrganizationArrivesInControlAndOnlyANewerVersionChangesIt(Topology topology) throws Exception {
        long id = newId();
        String slug = "org-" + id;
        organization(topology, id, slug, "First", "PROVISIONING", 1);
        String first = slug + "|First|PROVISIONING|" + topology.region() + "|1";
        assertEquals(first, Database.await(topology, topology.controlServer(), ARRIVAL, first, "SELECT slug || '|' || name || '|'"
                + " || status || '|' || region || '|' || version FROM control.organization_mapping WHERE id = ?", id));

        organization(topology, id, slug, "Third", "ACTIVE", 3);
        String third = slug + "|Third|ACTIVE|" + topology.region() + "|3";
        assertEquals(third, Database.await(topology, topology.controlServer(), ARRIVAL, third, "SELECT slug || '|' || name || '|'"
                + " || status || '|' || region || '|' || version FROM control.organization_mapping WHERE id = ?", id));

        organization(topology, id, slug, "Second", "PROVISIONING", 2);
        awaitShardApplied(topology, id);
        assertEquals(third, organizationInControl(topology, id), "an older version changes nothing");

        organization(topology, id, slug, "Repeated", "PENDING_DELETION", 3);
        awaitShardApplied(topology, id);
        assertEquals(third, organizationInControl(topology, id), "a repeated version changes nothing");
        assertEquals("0", Database.queryOne(topology, topology.regionServer(),
                "SELECT count(*) FROM region.region_outbox WHERE shard_id = ?", id), "delivered rows leave the region's outbox");
    }

    @Test
    void aRemovedMembershipLeavesTheUsersOrganizationsAndAnOlderCopyCannotBringItBack(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(topology.controlServer()), "member");
        long organizationId = newId();
        long membershipId = newId();
        String live = "SELECT string_agg(role, ',') FROM control.organization_member_mapping"
                + " WHERE user_id = ? AND organization_id = ? AND NOT is_removed";

        member(topology, membershipId, organizationId, account.userId(), "member", false, 1);
        assertEquals("member", Database.await(topology, topology.controlServer(), ARRIVAL, "member", live, account.userId(), organizationId));
        member(topology, membershipId, organizationId, account.userId(), "owner", false, 2);
        assertEquals("owner", Database.await(topology, topology.controlServer(), ARRIVAL, "owner", live, account.userId(), organizationId));

        member(topology, membershipId, organizationId, account.userId(), "owner", true, 3);
        assertEquals(null, Database.await(topology, topology.controlServer(), ARRIVAL, null, live, account.userId(), organizationId),
                "the removal takes the membership out of the user's organizations");

        member(topology, membershipId, organizationId, account.userId(), "owner", false, 2);
        awaitShardApplied(topology, organizationId);
        assertEquals(null, Database.queryOne(topology, topology.controlServer(), live, account.userId(), organizationId),
                "an older copy does not bring the membership back");
        assertEquals("true|3", Database.queryOne(topology, topology.controlServer(), "SELECT is_removed || '|' || version"
                + " FROM control.organization_member_mapping WHERE id = ?", membershipId), "the tombstone keeps its version");
    }

    @Test
    void aProjectKeyLeadsToItsRegionUntilItIsRemoved(Topology topology) throws Exception {
        long keyId = newId();
        long projectId = newId();
        long organizationId = newId();
        String publicKey = Long.toHexString(keyId) + "00000000000000000000000000000000".substring(Long.toHexString(keyId).length());
        String key = "{\"id\":" + keyId + ",\"publicKey\":\"" + publicKey + "\",\"projectId\":" + projectId
                + ",\"organizationId\":" + organizationId + ",\"region\":\"" + topology.region() + "\",";
        String lookup = "SELECT project_id || '|' || organization_id || '|' || region FROM control.project_key_mapping"
                + " WHERE public_key = ? AND NOT is_removed";

        write(topology, "PROJECT_KEY_MAPPING", key + "\"removed\":false,\"version\":1}");
        String expected = projectId + "|" + organizationId + "|" + topology.region();
        assertEquals(expected, Database.await(topology, topology.controlServer(), ARRIVAL, expected, lookup, publicKey));

        write(topology, "PROJECT_KEY_MAPPING", key + "\"removed\":true,\"version\":2}");
        assertEquals(null, Database.await(topology, topology.controlServer(), ARRIVAL, null, lookup, publicKey), "a removed key leads nowhere");
        write(topology, "PROJECT_KEY_MAPPING", key + "\"removed\":false,\"version\":1}");
        awaitShardApplied(topology, organizationId);
        assertEquals(null, Database.queryOne(topology, topology.controlServer(), lookup, publicKey), "an older copy does not revive it");
    }

    @Test
    void aRegionsAuditEntryArrivesOnceAndShowsInTheUsersAuditLog(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(topology.controlServer()), "audited");
        long organizationId = newId();
        long entryId = newId();
        auditEntry(topology, entryId, organizationId, account.userId(), "member.added", "first copy");
        assertEquals("1", Database.await(topology, topology.controlServer(), ARRIVAL, "1",
                "SELECT count(*) FROM control.audit_log WHERE id = ?", entryId));

        auditEntry(topology, entryId, organizationId, account.userId(), "member.added", "second copy");
        awaitShardApplied(topology, organizationId);
        assertEquals("1|first copy|" + topology.region() + "|" + organizationId, Database.queryOne(topology, topology.controlServer(),
                "SELECT count(*) || '|' || min(detail) || '|' || min(region) || '|' || min(organization_id)"
                        + " FROM control.audit_log WHERE id = ?", entryId), "the entry arrived once, its first copy kept");

        Reply log = account.session().get("/api/0/users/me/audit-log/");
        assertEquals(200, log.status(), log.toString());
        List<JsonObject> fromRegion = log.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("id").equals(String.valueOf(entryId))).toList();
        assertEquals(1, fromRegion.size(), log.body());
        assertEquals("member.added", fromRegion.get(0).getString("event"));
        assertEquals(topology.region(), fromRegion.get(0).getString("region"));
        assertEquals(String.valueOf(organizationId), fromRegion.get(0).getString("organizationId"));
        assertTrue(log.jsonArray().getValuesAs(JsonObject.class).stream().anyMatch(entry ->
                entry.getString("event").equals("user.signed-up") && !entry.containsKey("region")),
                "control's own entries keep their wire names and have no region: " + log.body());
    }
}
