package io.silo.system.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Broken object-level authorization, endpoint by endpoint: the owner of another organization, and a user in no
 * organization at all, get 404 — exactly as for an organization that does not exist — from every method of
 * every organization-scoped endpoint of organization B, called with B's real slugs and ids; and B is unchanged.
 * One table lists the endpoints, issues and events included: each new organization-scoped endpoint adds its rows.
 */
public abstract class OrganizationIsolationScenarios {

    /** One request of the table: {@code body} null for none. */
    record Call(String method, String path, String body) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The objects of organization B that the table's paths name. */
    record Victim(String org, String team, String project, String key, String member, String issue, String event) {
    }

    /** Every organization-scoped endpoint and method, aimed at B's real objects. */
    static List<Call> everyEndpointOf(Victim b) {
        String organization = "/api/0/organizations/" + b.org() + "/";
        String member = organization + "members/" + b.member() + "/";
        String team = "/api/0/teams/" + b.org() + "/" + b.team() + "/";
        String project = "/api/0/projects/" + b.org() + "/" + b.project() + "/";
        String key = project + "keys/" + b.key() + "/";
        return List.of(
                new Call("GET", organization, null),
                new Call("PUT", organization, "{\"name\":\"Hijacked\"}"),
                new Call("GET", organization + "members/", null),
                new Call("POST", organization + "members/", "{\"email\":\"intruder@example.com\",\"role\":\"owner\"}"),
                new Call("GET", member, null),
                new Call("PUT", member, "{\"role\":\"member\"}"),
                new Call("DELETE", member, null),
                new Call("GET", organization + "members/me/", null),
                new Call("POST", member + "teams/" + b.team() + "/", null),
                new Call("DELETE", member + "teams/" + b.team() + "/", null),
                new Call("GET", organization + "teams/", null),
                new Call("POST", organization + "teams/", "{\"slug\":\"intruders\"}"),
                new Call("GET", team, null),
                new Call("PUT", team, "{\"name\":\"Hijacked\"}"),
                new Call("DELETE", team, null),
                new Call("POST", team + "projects/", "{\"name\":\"Intruder\"}"),
                new Call("GET", organization + "projects/", null),
                new Call("GET", project, null),
                new Call("PUT", project, "{\"name\":\"Hijacked\"}"),
                new Call("DELETE", project, null),
                new Call("GET", project + "keys/", null),
                new Call("POST", project + "keys/", "{\"name\":\"Intruder\"}"),
                new Call("GET", key, null),
                new Call("PUT", key, "{\"isActive\":false}"),
                new Call("DELETE", key, null),
                new Call("GET", organization + "issues/", null),
                new Call("GET", project + "issues/", null),
                new Call("GET", organization + "issues/" + b.issue() + "/", null),
                new Call("PUT", organization + "issues/" + b.issue() + "/", "{\"status\":\"resolved\"}"),
                new Call("GET", organization + "issues/" + b.issue() + "/events/", null),
                new Call("GET", project + "events/" + b.event() + "/", null));
    }

    @Test
    void anotherOrganizationsOwnerAndAnOutsiderGetNotFoundFromEveryEndpointAndChangeNothing(Topology topology)
            throws Exception {
        Organizations.Owner ownerOfA = Organizations.create(topology, topology.regionServer(), "bola-a");
        Organizations.Owner ownerOfB = Organizations.create(topology, topology.regionServer(), "bola-b");
        ApiClient outsider = Organizations.newUserIn(topology, topology.regionServer(), "bola-outsider");
        Victim b = victim(topology, ownerOfB);
        String before = state(topology, ownerOfB.organizationId());

        List<Call> table = everyEndpointOf(b);
        for (ApiClient intruder : List.of(ownerOfA.api(), outsider)) {
            for (Call call : table) {
                Reply reply = intruder.send(call.method(), call.path(), call.body());
                assertEquals(404, reply.status(), call + " → " + reply);
                assertTrue(reply.isProblem(), call + " → " + reply);
                assertEquals("No such organization", reply.json().getString("detail"), call + " → " + reply);
            }
        }

        assertEquals(before, state(topology, ownerOfB.organizationId()), "organization B is unchanged");
        for (Call call : table) {
            if (call.method().equals("GET")) {
                assertEquals(200, ownerOfB.api().get(call.path()).status(), "B's owner still reads " + call);
            }
        }
    }

    /** B's default team, a project of it with its key, its owner's membership, and an event and its issue. */
    private Victim victim(Topology topology, Organizations.Owner owner) {
        Reply project = owner.api().post("/api/0/teams/" + owner.slug() + "/" + owner.slug() + "/projects/",
                "{\"name\":\"Crown Jewels\"}");
        assertEquals(201, project.status(), project.toString());
        Reply keys = owner.api().get("/api/0/projects/" + owner.slug() + "/crown-jewels/keys/");
        assertEquals(200, keys.status(), keys.toString());
        Reply me = owner.api().get("/api/0/organizations/" + owner.slug() + "/members/me/");
        assertEquals(200, me.status(), me.toString());
        String publicKey = keys.jsonArray().getJsonObject(0).getString("id");
        String eventId = SentrySdk.newEventId();
        Reply stored = SentrySdk.store(topology.url(topology.regionServer()), Long.parseLong(project.json().getString("id")), publicKey, SentrySdk.exceptionEvent(eventId, "IllegalStateException", "the crown jewels", ""));
        assertEquals(200, stored.status(), stored.toString());
        Reply issues = owner.api().get("/api/0/projects/" + owner.slug() + "/crown-jewels/issues/");
        assertEquals(200, issues.status(), issues.toString());
        return new Victim(owner.slug(), owner.slug(), "crown-jewels", publicKey, me.json().getString("id"),
                issues.jsonArray().getJsonObject(0).getString("id"), eventId);
    }

    /** Everything of the organization the table could change, with row versions, as one line. */
    private String state(Topology topology, long organizationId) throws Exception {
        return Database.queryOne(topology, topology.regionServer(), """
                SELECT concat_ws(' / ',
                  (SELECT o.name || ':' || o.slug || ':' || o.version FROM region.organization o WHERE o.id = ?1),
                  (SELECT string_agg(m.id || ':' || m.role || ':' || m.version, ',' ORDER BY m.id)
                     FROM region.organization_member m WHERE m.organization_id = ?1),
                  (SELECT string_agg(t.slug || ':' || t.name || ':' || t.version || ':'
                     || (SELECT count(*) FROM region.team_member tm WHERE tm.team_id = t.id), ',' ORDER BY t.id)
                     FROM region.team t WHERE t.organization_id = ?1),
                  (SELECT string_agg(p.slug || ':' || p.name || ':' || p.version, ',' ORDER BY p.id)
                     FROM region.project p WHERE p.organization_id = ?1),
                  (SELECT string_agg(k.public_key || ':' || k.label || ':' || k.is_active || ':' || k.version, ','
                     ORDER BY k.id) FROM region.project_key k WHERE k.organization_id = ?1),
                  (SELECT string_agg(i.status || ':' || i.version, ',' ORDER BY i.id)
                     FROM region.issue i WHERE i.organization_id = ?1))
                """.replace("?1", String.valueOf(organizationId)));
    }
}
