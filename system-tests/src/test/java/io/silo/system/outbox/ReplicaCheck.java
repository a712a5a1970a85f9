package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.Topology;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what control holds for some accounts with what each region replicated: row counts and an md5 over
 * the ordered id, version and payload columns of users and of their tokens. Equal counts and checksums
 * mean every change arrived once, at its latest version; the outbox rows of those accounts are gone.
 */
final class ReplicaCheck {

    private static final String CONTROL_USERS = "SELECT count(*) || ' users ' || coalesce(md5(string_agg(id || '|' || email"
            + " || '|' || name || '|' || is_active || '|' || version, ',' ORDER BY id)), '-') FROM control.users WHERE id = ANY (?)";
    private static final String REGION_USERS = "SELECT count(*) || ' users ' || coalesce(md5(string_agg(id || '|' || email"
            + " || '|' || name || '|' || is_active || '|' || version, ',' ORDER BY id)), '-') FROM region.user_replica WHERE id = ANY (?)";
    private static final String CONTROL_TOKENS = "SELECT count(*) || ' tokens ' || coalesce(md5(string_agg(id || '|' || user_id"
            + " || '|' || token_hash || '|' || scopes || '|' || (revoked_at IS NOT NULL) || '|' || version, ',' ORDER BY id)), '-')"
            + " FROM control.api_tokens WHERE user_id = ANY (?)";
    private static final String REGION_TOKENS = "SELECT count(*) || ' tokens ' || coalesce(md5(string_agg(id || '|' || user_id"
            + " || '|' || token_hash || '|' || scopes || '|' || is_revoked || '|' || version, ',' ORDER BY id)), '-')"
            + " FROM region.api_token_replica WHERE user_id = ANY (?)";
    private static final String OUTBOX_DEPTH = "SELECT count(*) FROM control.control_outbox WHERE shard_scope = 'USER' AND shard_id = ANY (?)";

    static final List<String> REGIONS = List.of("region-us", "region-eu");

    private ReplicaCheck() {
    }

    static List<Long> ids(List<ChangeWriter.Account> accounts) {
        return accounts.stream().map(ChangeWriter.Account::userId).toList();
    }

    /** Control's users and tokens of these accounts, as counts and checksums. */
    static String control(Topology topology, List<Long> userIds) throws SQLException {
        return query(topology, "control", CONTROL_USERS, userIds) + ", " + query(topology, "control", CONTROL_TOKENS, userIds);
    }

    /** A region's replicas of these accounts' users and tokens, in the same form as {@link #control}. */
    static String region(Topology topology, String region, List<Long> userIds) throws SQLException {
        return query(topology, region, REGION_USERS, userIds) + ", " + query(topology, region, REGION_TOKENS, userIds);
    }

    /** Outbox rows of these accounts still waiting in control, for any region. */
    static long depth(Topology topology, List<Long> userIds) throws SQLException {
        return Long.parseLong(query(topology, "control", OUTBOX_DEPTH, userIds));
    }

    /**
     * Waits until control's outbox holds nothing of these accounts and every region's replicas equal control's,
     * then asserts it (naming each side's figures when the time ran out).
     */
    static void awaitReplicated(Topology topology, List<Long> userIds, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, String> seen = snapshot(topology, userIds);
        while (!converged(seen) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            seen = snapshot(topology, userIds);
        }
        for (String region : REGIONS) {
            assertEquals(seen.get("control"), seen.get(region), "every change once, at its latest version, in " + region);
        }
        assertEquals("0", seen.get("outbox"), "control's outbox has nothing left of these accounts");
    }

    private static Map<String, String> snapshot(Topology topology, List<Long> userIds) throws SQLException {
        Map<String, String> seen = new LinkedHashMap<>();
        seen.put("outbox", String.valueOf(depth(topology, userIds)));
        seen.put("control", control(topology, userIds));
        for (String region : REGIONS) {
            seen.put(region, region(topology, region, userIds));
        }
        return seen;
    }

    private static boolean converged(Map<String, String> seen) {
        return seen.get("outbox").equals("0") && REGIONS.stream().allMatch(region -> seen.get(region).equals(seen.get("control")));
    }

    static String query(Topology topology, String server, String sql, List<Long> userIds) throws SQLException {
        try (Connection connection = topology.connectAs(server); PreparedStatement query = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf("bigint", new ArrayList<>(userIds).toArray());
            query.setArray(1, ids);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
