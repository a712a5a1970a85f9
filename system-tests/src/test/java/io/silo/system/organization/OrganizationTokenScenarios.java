package io.silo.system.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Organization tokens end to end: an owner mints one in control from a login session, it acts for its organization
 * alone — through control (the gateway routes it by its region prefix in split mode) and, in split mode, directly
 * on the organization's region, which knows it from control's replica — and once revoked it works nowhere.
 */
public abstract class OrganizationTokenScenarios {

    private static final Duration REPLICATION = Duration.ofSeconds(30);

    private record Organization(long id, String slug, String region) {

        String tokens() {
            return "/api/0/organizations/" + slug + "/org-auth-tokens/";
        }
    }

    @Test
    void anOrganizationTokenActsForItsOrganizationAloneThroughControlAndInItsRegion(Topology topology) throws Exception {
        Accounts.Account owner = Accounts.signUp(control(topology), "orgtoken");
        Organization mine = createOrganization(topology, owner, topology.regions().get(topology.regions().size() - 1));
        Organization other = createOrganization(topology, owner, topology.regions().get(0));

        Reply created = owner.session().post(mine.tokens(), tokenBody("CI deploys", "project:write", "event:read", "org:read"));

        assertEquals(201, created.status(), created.toString());
        String token = created.json().getString("token");
        String[] parts = token.split("_");
        assertEquals("sntrys", parts[0], "Sentry's organization token format: " + token);
        JsonObject claims = Json.createReader(new StringReader(new String(Base64.getDecoder()
                .decode(parts[1]), StandardCharsets.UTF_8))).readObject();
        assertEquals(control(topology).toString(), claims.getString("url"), "where sentry-cli sends it: " + claims);
        assertEquals("http://" + mine.region() + ".localhost:" + control(topology).getPort(), claims.getString("region_url"),
                "the region's API URL, with the port of Silo's root URL: " + claims);
        assertEquals(mine.slug(), claims.getString("org"));
        assertEquals(Set.of("event:read", "org:read", "project:write"), created.json().getJsonArray("scopes").stream()
                .map(scope -> ((JsonString) scope).getString()).collect(Collectors.toSet()));
        JsonObject listed = owner.session().get(mine.tokens()).jsonArray().getJsonObject(0);
        assertEquals(created.json().getString("id") + "|CI deploys|" + created.json().getString("tokenHint"),
                listed.getString("id") + "|" + listed.getString("name") + "|" + listed.getString("tokenHint"));
        assertTrue(!listed.containsKey("token") || listed.isNull("token"), "a list never shows the secret: " + listed);
        assertEquals(0, owner.session().get(other.tokens()).jsonArray().size(), "the other organization has none");
        awaitReplica(topology, mine, token, false);

        ApiClient viaControl = ApiClient.withToken(control(topology), token);
        assertEquals(200, viaControl.get("/api/0/organizations/" + mine.slug() + "/projects/").status());
        Reply project = viaControl.post("/api/0/teams/" + mine.slug() + "/" + mine.slug() + "/projects/",
                "{\"name\":\"Deployed by CI\"}");
        assertEquals(201, project.status(), project.toString());
        assertEquals(404, viaControl.get("/api/0/organizations/" + other.slug() + "/").status(),
                "another organization of the same owner does not exist for the token");
        assertEquals(403, viaControl.get("/api/0/organizations/" + mine.slug() + "/members/").status(),
                "member:read was not granted");
        assertEquals(403, viaControl.get("/api/0/organizations/").status(), "the picker is a user's");
        assertEquals(403, viaControl.post(mine.tokens(), tokenBody("more", "org:read")).status(),
                "a token never mints another");
        if (!topology.regionServer(mine.region()).equals(topology.controlServer())) {
            ApiClient direct = ApiClient.withToken(topology.url(topology.regionServer(mine.region())), token);
            Reply projects = direct.get("/api/0/organizations/" + mine.slug() + "/projects/");
            assertEquals(200, projects.status(), projects.toString());
            assertTrue(projects.body().contains("deployed-by-ci"), projects.toString());
        }
        assertEquals("1", Database.queryOne(topology, topology.controlServer(), "SELECT count(*) FROM control.audit_log"
                + " WHERE event = 'token.created' AND actor_user_id = ? AND detail = ?", owner.userId(),
                "organization " + mine.id() + " token " + created.json().getString("id")));
        assertTrue(awaitLastUse(owner.session(), mine.tokens()), "control lists the token's use in its region");
    }

    /** Whether the organization's token shows a last use within the replication time. */
    private static boolean awaitLastUse(ApiClient session, String tokens) throws InterruptedException {
        long deadline = System.nanoTime() + REPLICATION.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject token = session.get(tokens).jsonArray().getJsonObject(0);
            if (token.containsKey("lastUsedAt") && !token.isNull("lastUsedAt")) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    @Test
    void onlyOwnersAndManagersMintOrganizationTokensFromASessionWithinTheScopesOneMayHold(Topology topology)
            throws Exception {
        Accounts.Account owner = Accounts.signUp(control(topology), "tokenowner");
        Organization organization = createOrganization(topology, owner, topology.regions().get(0));
        Accounts.Account member = Accounts.signUp(control(topology), "tokenmember");
        Reply invited = owner.session().post("/api/0/organizations/" + organization.slug() + "/members/",
                Json.createObjectBuilder().add("email", member.email()).add("role", "member").build().toString());
        assertEquals(201, invited.status(), invited.toString());
        assertEquals("member", Database.await(topology, topology.controlServer(), REPLICATION, "member",
                "SELECT role FROM control.organization_member_mapping WHERE organization_id = ? AND user_id = ?"
                        + " AND NOT is_removed", organization.id(), member.userId()), "control knows the member");

        assertEquals(200, member.session().get(organization.tokens()).status(), "members see the tokens");
        assertEquals(404, member.session().post(organization.tokens(), tokenBody("mine", "org:read")).status(),
                "a plain member cannot mint one");
        Accounts.Account stranger = Accounts.signUp(control(topology), "tokenstranger");
        assertEquals(404, stranger.session().get(organization.tokens()).status());
        assertEquals(404, stranger.session().post(organization.tokens(), tokenBody("x", "org:read")).status());
        assertEquals(404, owner.session().post("/api/0/organizations/no-such-" + UUID.randomUUID()
                .toString().substring(0, 8) + "/org-auth-tokens/", tokenBody("x", "org:read")).status());

        ApiClient ownersToken = ApiClient.withToken(control(topology), Accounts.token(owner.session(), "org:read", "org:write"));
        assertEquals(403, ownersToken.post(organization.tokens(), tokenBody("x", "org:read")).status(),
                "only a login session mints tokens");
        assertEquals(200, ownersToken.get(organization.tokens()).status(), "a user token with org:read lists them");

        assertInvalid(owner.session().post(organization.tokens(), tokenBody("x", "admin")), "scopes", "admin");
        assertInvalid(owner.session().post(organization.tokens(), tokenBody("x", "org:everything")), "scopes",
                "org:everything");
        assertInvalid(owner.session().post(organization.tokens(), Json.createObjectBuilder().add("name", "x")
                .add("scopes", Json.createArrayBuilder().add("org:read"))
                .add("expiresAt", OffsetDateTime.now().minusDays(1).toString()).build().toString()), "expiresAt", "future");
        Reply malformed = owner.session().post(organization.tokens(), "{\"scopes\":");
        assertEquals(400, malformed.status(), malformed.toString());
        assertTrue(malformed.isProblem(), malformed.toString());
        assertEquals(0, owner.session().get(organization.tokens()).jsonArray().size(), "no refusal minted anything");
    }

    @Test
    void aRevokedOrganizationTokenIsRefusedThroughControlAndInItsRegion(Topology topology) throws Exception {
        Accounts.Account owner = Accounts.signUp(control(topology), "revoker");
        Organization organization = createOrganization(topology, owner, topology.regions().get(topology.regions().size() - 1));
        Organization other = createOrganization(topology, owner, topology.regions().get(0));
        Reply created = owner.session().post(organization.tokens(), tokenBody("short-lived", "org:read"));
        assertEquals(201, created.status(), created.toString());
        String token = created.json().getString("token");
        String id = created.json().getString("id");
        awaitReplica(topology, organization, token, false);
        ApiClient viaControl = ApiClient.withToken(control(topology), token);
        String path = "/api/0/organizations/" + organization.slug() + "/";
        assertEquals(200, viaControl.get(path).status());

        assertEquals(404, owner.session().delete(other.tokens() + id + "/").status(), "not the other organization's");
        assertEquals(404, owner.session().delete(organization.tokens() + "not-a-number/").status());
        assertEquals(204, owner.session().delete(organization.tokens() + id + "/").status());
        assertEquals(404, owner.session().delete(organization.tokens() + id + "/").status(), "revoked once");
        assertEquals(0, owner.session().get(organization.tokens()).jsonArray().size());
        awaitReplica(topology, organization, token, true);

        Reply refused = viaControl.get(path);
        assertEquals(401, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.toString());
        if (!topology.regionServer(organization.region()).equals(topology.controlServer())) {
            assertEquals(401, ApiClient.withToken(topology.url(topology.regionServer(organization.region())), token).get(path)
                    .status(), "the region learnt the revocation");
        }
        assertEquals("1", Database.queryOne(topology, topology.controlServer(), "SELECT count(*) FROM control.audit_log"
                + " WHERE event = 'token.revoked' AND actor_user_id = ? AND detail = ?", owner.userId(),
                "organization " + organization.id() + " token " + id));
    }

    @Test
    void anOrganizationTokenOutlivesTheMembershipOfWhoeverMintedIt(Topology topology) throws Exception {
        Accounts.Account owner = Accounts.signUp(control(topology), "keeper");
        Organization organization = createOrganization(topology, owner, topology.regions().get(topology.regions().size() - 1));
        Accounts.Account manager = Accounts.signUp(control(topology), "leaver");
        String members = "/api/0/organizations/" + organization.slug() + "/members/";
        Reply invited = owner.session().post(members,
                Json.createObjectBuilder().add("email", manager.email()).add("role", "manager").build().toString());
        assertEquals(201, invited.status(), invited.toString());
        assertEquals("manager", Database.await(topology, topology.controlServer(), REPLICATION, "manager",
                "SELECT role FROM control.organization_member_mapping WHERE organization_id = ? AND user_id = ?"
                        + " AND NOT is_removed", organization.id(), manager.userId()), "control knows the manager");
        Reply created = manager.session().post(organization.tokens(), tokenBody("deploys", "org:read"));
        assertEquals(201, created.status(), created.toString());
        String token = created.json().getString("token");
        awaitReplica(topology, organization, token, false);

        assertEquals(204, owner.session().delete(members + invited.json().getString("id") + "/").status());
        assertEquals("true", Database.await(topology, topology.controlServer(), REPLICATION, "true",
                "SELECT bool_or(is_removed)::text FROM control.organization_member_mapping WHERE organization_id = ?"
                        + " AND user_id = ?", organization.id(), manager.userId()), "control learnt the removal");

        assertEquals(404, manager.session().get(organization.tokens()).status(), "the manager has left");
        assertEquals(200, ApiClient.withToken(control(topology), token)
                .get("/api/0/organizations/" + organization.slug() + "/").status(), "the token still acts for it");
        assertEquals(1, owner.session().get(organization.tokens()).jsonArray().size(), "and the owner still sees it");
    }

    private URI control(Topology topology) {
        return topology.url(topology.controlServer());
    }

    private Organization createOrganization(Topology topology, Accounts.Account owner, String region) {
        String slug = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = owner.session().post("/api/0/organizations/", Json.createObjectBuilder().add("name", "Org " + slug)
                .add("slug", slug).add("region", region).build().toString());
        assertEquals(201, created.status(), created.toString());
        return new Organization(Long.parseLong(created.json().getString("id")), slug, region);
    }

    /** Waits until the organization's region holds the token's replica, revoked or not (in MONOLITH: at once). */
    private void awaitReplica(Topology topology, Organization organization, String token, boolean revoked)
            throws Exception {
        if (topology.kind() == Topology.Kind.MONOLITH) {
            return;
        }
        String expected = organization.id() + "|" + revoked;
        assertEquals(expected, Database.await(topology, topology.regionServer(organization.region()), REPLICATION, expected,
                "SELECT organization_id || '|' || is_revoked FROM region.api_token_replica WHERE token_hash ="
                        + " encode(sha256(convert_to(?, 'UTF8')), 'hex')", token));
        for (String region : topology.regions()) {
            if (!region.equals(organization.region())) {
                assertEquals("0", Database.queryOne(topology, topology.regionServer(region), "SELECT count(*) FROM"
                        + " region.api_token_replica WHERE organization_id = ?", organization.id()),
                        "an organization's token goes to its region alone");
            }
        }
    }

    private static String tokenBody(String name, String... scopes) {
        var list = Json.createArrayBuilder();
        for (String scope : scopes) {
            list.add(scope);
        }
        return Json.createObjectBuilder().add("name", name).add("scopes", list).build().toString();
    }

    private static void assertInvalid(Reply reply, String field, String detailMentions) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"), reply.toString());
        assertTrue(reply.body().contains(detailMentions), reply.toString());
        assertFalse(reply.body().contains("silo_o_"), "no token in a refusal");
    }
}
