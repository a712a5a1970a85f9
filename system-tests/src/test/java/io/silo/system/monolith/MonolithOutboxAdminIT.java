package io.silo.system.monolith;

import io.silo.system.harness.Topology;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.MonolithTopologyTest;
import org.junit.jupiter.api.Test;

/**
 * A MONOLITH deploys both silos' credential verifiers; control's must be the one in use (sessions and the
 * tokens' own rows), unambiguously, on the operator endpoints as on the rest of the API.
 */
@MonolithTopologyTest
class MonolithOutboxAdminIT {

    @Test
    void anOperatorsSessionAndAdminTokenReachTheOperatorEndpointsOfBothOutboxes(Topology topology) {
        Accounts.Account operator = Accounts.operator(topology.url("monolith"));
        assertEquals(200, operator.session().get("/api/0/admin/outbox/shards/").status(), "sessions are verified");
        ApiClient admin = ApiClient.withToken(topology.url("monolith"), Accounts.token(operator.session(), "admin"));
        assertEquals(200, admin.get("/api/0/admin/outbox/shards/").status());
        assertEquals(200, admin.get("/api/0/admin/outbox/dead-letters/").status());
        ApiClient reader = ApiClient.withToken(topology.url("monolith"), Accounts.token(operator.session(), "member:read"));
        assertEquals(403, reader.get("/api/0/admin/outbox/shards/").status());
        assertEquals(200, reader.get("/api/0/users/me/").status());
        assertEquals(401, ApiClient.anonymous(topology.url("monolith")).get("/api/0/admin/outbox/shards/").status());
    }
}
