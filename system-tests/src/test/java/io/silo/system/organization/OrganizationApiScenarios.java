package io.silo.system.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.Topology;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The region's organization-scoped REST API end to end: each resource's whole lifecycle (create, read, list with
 * Sentry's Link pagination, update, delete), the DSN's shape, what control's directory and audit index learn
 * through the outbox, and the role and scope rules.
 */
public abstract class OrganizationApiScenarios {

    private static final Duration REPLICATION = Duration.ofSeconds(30);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"; results=\"(true|false)\"");

    @Test
    void anOrganizationIsReadAndRenamedAndControlLearnsTheNewName(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "orgapi");
        String path = "/api/0/organizations/" + owner.slug() + "/";

        JsonObject read = ok(owner.api().get(path));
        assertEquals(String.valueOf(owner.organizationId()), read.getString("id"));
        assertEquals(owner.slug(), read.getString("slug"));
        assertEquals("owner", read.getString("role"));
        assertEquals("active", read.getJsonObject("status").getString("id"));
        assertNotNull(read.getString("dateCreated"));
        assertFalse(read.getBoolean("isEarlyAdopter"), "the flags Sentry's tools require are there");
        assertFalse(read.getBoolean("require2FA"));
        assertFalse(read.getBoolean("requireEmailVerification"));
        assertEquals("letter_avatar", read.getJsonObject("avatar").getString("avatarType"));

        assertEquals("Renamed Co", ok(owner.api().put(path, "{\"name\":\"  Renamed Co \"}")).getString("name"));
        assertEquals("Renamed Co", Database.await(topology, topology.controlServer(), REPLICATION, "Renamed Co",
                "SELECT name FROM control.organization_mapping WHERE id = ?", owner.organizationId()));
        assertEquals("1", Database.await(topology, topology.controlServer(), REPLICATION, "1",
                "SELECT count(*) FROM control.audit_log WHERE organization_id = ? AND event = 'organization.updated'"
                        + " AND actor_user_id = ?", owner.organizationId(), owner.account().userId()));

        assertInvalid(owner.api().put(path, "{\"slug\":\"admin\"}"), "slug"); // reserved: control refuses it
        assertInvalid(owner.api().put(path, "{\"name\":\"   \"}"), "name");
        assertEquals(400, owner.api().put(path, "{\"name\":").status(), "malformed JSON");
        JsonObject after = ok(owner.api().get(path));
        assertEquals(owner.slug() + "|Renamed Co", after.getString("slug") + "|" + after.getString("name"));
    }

    @Test
    void teamsAreCreatedListedPageByPageRenamedAndDeleted(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "teams");
        String teams = "/api/0/organizations/" + owner.slug() + "/teams/";

        Reply created = owner.api().post(teams, "{\"name\":\"Backend Team\"}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("backend-team", created.json().getString("slug"));
        assertTrue(created.json().getBoolean("isMember"), "the creator joins the team");
        assertEquals(409, owner.api().post(teams, "{\"slug\":\"backend-team\",\"name\":\"Again\"}").status());
        assertInvalid(owner.api().post(teams, "{\"slug\":\"Bad Slug\"}"), "slug");
        assertEquals(201, owner.api().post(teams, "{\"slug\":\"frontend\"}").status());
        assertEquals(201, owner.api().post(teams, "{\"slug\":\"ops\",\"name\":\"Operations\"}").status());

        List<String> slugs = allPages(owner.api(), teams + "?per_page=2", 2);
        assertEquals(List.of("ops", "frontend", "backend-team", owner.slug()), slugs, "newest first, over two pages");

        String team = "/api/0/teams/" + owner.slug() + "/backend-team/";
        assertEquals("Backend Team", ok(owner.api().get(team)).getString("name"));
        JsonObject renamed = ok(owner.api().put(team, "{\"slug\":\"api\",\"name\":\"API\"}"));
        assertEquals("api|API|1", renamed.getString("slug") + "|" + renamed.getString("name") + "|"
                + renamed.getInt("memberCount"));
        assertEquals(404, owner.api().get(team).status(), "the old slug is gone");
        assertEquals(409, owner.api().put("/api/0/teams/" + owner.slug() + "/api/", "{\"slug\":\"ops\"}").status());
        assertEquals(204, owner.api().delete("/api/0/teams/" + owner.slug() + "/api/").status());
        assertEquals(404, owner.api().get("/api/0/teams/" + owner.slug() + "/api/").status());
        assertEquals("1", Database.await(topology, topology.controlServer(), REPLICATION, "1",
                "SELECT count(*) FROM control.audit_log WHERE organization_id = ? AND event = 'team.removed'",
                owner.organizationId()));
    }

    @Test
    void aProjectGetsADefaultKeyWhoseDsnNamesTheRegionAndControlFollowsItsKeys(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "projects");
        String teamProjects = "/api/0/teams/" + owner.slug() + "/" + owner.slug() + "/projects/";

        Reply created = owner.api().post(teamProjects, "{\"name\":\"Web Shop\",\"platform\":\"python\"}");
        assertEquals(201, created.status(), created.toString());
        JsonObject project = created.json();
        String projectId = project.getString("id");
        assertEquals("web-shop|python|" + owner.slug() + "|" + owner.organizationId(), project.getString("slug") + "|"
                + project.getString("platform") + "|" + project.getJsonArray("teams").getJsonObject(0).getString("slug")
                + "|" + project.getJsonObject("organization").getString("id"));
        assertEquals(409, owner.api().post(teamProjects, "{\"name\":\"Web Shop\"}").status(), "slug taken");
        assertInvalid(owner.api().post(teamProjects, "{\"name\":\"x\",\"slug\":\"UPPER\"}"), "slug");
        assertEquals(404, owner.api().post("/api/0/teams/" + owner.slug() + "/no-team/projects/", "{\"name\":\"x\"}")
                .status());
        assertEquals(201, owner.api().post(teamProjects, "{\"name\":\"Second\"}").status());
        assertEquals(List.of("second", "web-shop"),
                allPages(owner.api(), "/api/0/organizations/" + owner.slug() + "/projects/?per_page=1", 1));

        String keys = "/api/0/projects/" + owner.slug() + "/web-shop/keys/";
        JsonArray first = owner.api().get(keys).jsonArray();
        assertEquals(1, first.size(), "a new project has one key");
        JsonObject key = first.getJsonObject(0);
        String publicKey = key.getString("public");
        assertTrue(publicKey.matches("[0-9a-f]{32}") && key.getString("secret").matches("[0-9a-f]{32}"), key.toString());
        assertEquals("Default|" + publicKey + "|true", key.getString("name") + "|" + key.getString("id") + "|"
                + key.getBoolean("isActive"));
        String dsn = key.getJsonObject("dsn").getString("public");
        assertEquals("http://" + publicKey + "@" + topology.url(topology.regionServer()).getAuthority() + "/" + projectId,
                dsn, "a local install's DSN names the region's own server");
        assertEquals(dsn.replace(publicKey + "@", publicKey + ":" + key.getString("secret") + "@"),
                key.getJsonObject("dsn").getString("secret"));
        assertEquals(projectId + "|" + topology.region() + "|false", Database.await(topology, topology.controlServer(), REPLICATION,
                projectId + "|" + topology.region() + "|false", "SELECT project_id || '|' || region || '|' || is_removed"
                        + " FROM control.project_key_mapping WHERE public_key = ?", publicKey),
                "control maps the key to its region");

        Reply second = owner.api().post(keys, "{\"name\":\"CI\"}");
        assertEquals(201, second.status(), second.toString());
        String keyPath = keys + second.json().getString("id") + "/";
        JsonObject changed = ok(owner.api().put(keyPath,
                "{\"name\":\"CI 2\",\"isActive\":false,\"rateLimit\":{\"count\":100,\"window\":60}}"));
        assertEquals("CI 2|false|100/60", changed.getString("name") + "|" + changed.getBoolean("isActive") + "|"
                + changed.getJsonObject("rateLimit").getInt("count") + "/"
                + changed.getJsonObject("rateLimit").getInt("window"));
        assertInvalid(owner.api().put(keyPath, "{\"rateLimit\":{\"count\":0,\"window\":60}}"), "rateLimit.count");
        assertInvalid(owner.api().put(keyPath, "{\"isActive\":\"no\"}"), "isActive");
        assertFalse(ok(owner.api().put(keyPath, "{\"rateLimit\":null}")).containsKey("rateLimit"), "limit removed");
        assertEquals("CI 2|false", ok(owner.api().get(keyPath)).getString("name") + "|"
                + ok(owner.api().get(keyPath)).getBoolean("isActive"));
        assertEquals(2, allPages(owner.api(), keys + "?per_page=1", 1).size());
        assertEquals(204, owner.api().delete(keyPath).status());
        assertEquals(404, owner.api().get(keyPath).status());
        assertEquals("true", Database.await(topology, topology.controlServer(), REPLICATION, "true",
                "SELECT is_removed::text FROM control.project_key_mapping WHERE public_key = ?", second.json().getString("id")),
                "control hears the key's tombstone");

        JsonObject moved = ok(owner.api().put("/api/0/projects/" + owner.slug() + "/web-shop/",
                "{\"name\":\"Shop\",\"slug\":\"shop\"}"));
        assertEquals("shop|Shop|python", moved.getString("slug") + "|" + moved.getString("name") + "|"
                + moved.getString("platform"));
        assertEquals(409, owner.api().put("/api/0/projects/" + owner.slug() + "/second/", "{\"slug\":\"shop\"}").status());
        assertEquals(404, owner.api().get("/api/0/projects/" + owner.slug() + "/web-shop/").status());
        assertEquals(204, owner.api().delete("/api/0/projects/" + owner.slug() + "/shop/").status());
        assertEquals(404, owner.api().get("/api/0/projects/" + owner.slug() + "/shop/").status());
        assertEquals("true", Database.await(topology, topology.controlServer(), REPLICATION, "true",
                "SELECT is_removed::text FROM control.project_key_mapping WHERE public_key = ?", publicKey),
                "deleting the project removes its keys from control's mapping");
        assertEquals("0", Database.queryOne(topology, topology.regionServer(),
                "SELECT count(*) FROM region.project_key WHERE project_id = ?", Long.parseLong(projectId)));
    }

    @Test
    void membersAreInvitedChangedPutOnTeamsAndRemovedAndControlFollows(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "members");
        Accounts.Account colleague = Accounts.signUp(topology.url(topology.controlServer()), "colleague");
        String members = "/api/0/organizations/" + owner.slug() + "/members/";

        Reply added = owner.api().post(members, "{\"email\":\"" + colleague.email() + "\",\"role\":\"member\"}");
        assertEquals(201, added.status(), added.toString());
        assertEquals(colleague.userId() + "|false|member", added.json().getJsonObject("user").getString("id") + "|"
                + added.json().getBoolean("pending") + "|" + added.json().getString("role"));
        String memberPath = members + added.json().getString("id") + "/";
        assertEquals("member", Database.await(topology, topology.controlServer(), REPLICATION, "member",
                "SELECT role FROM control.organization_member_mapping WHERE organization_id = ? AND user_id = ?"
                        + " AND NOT is_removed", owner.organizationId(), colleague.userId()), "control knows the member");
        assertEquals(409, owner.api().post(members, "{\"email\":\"" + colleague.email() + "\"}").status());

        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String before = memberCount(topology, owner);
        assertInvalid(owner.api().post(members, "{\"email\":\"" + stranger + "\",\"role\":\"boss\"}"), "role");
        assertInvalid(owner.api().post(members, "{\"email\":\"" + stranger + "\",\"teams\":[\"no-such\"]}"), "teams");
        assertInvalid(owner.api().post(members, "{\"email\":\"not an email\"}"), "email");
        assertEquals(before, memberCount(topology, owner), "refused invitations write nothing");
        Reply invited = owner.api().post(members, "{\"email\":\"" + stranger + "\",\"orgRole\":\"admin\",\"teams\":[\""
                + owner.slug() + "\"]}");
        assertEquals(201, invited.status(), invited.toString());
        assertEquals("true|admin|" + owner.slug(), invited.json().getBoolean("pending") + "|"
                + invited.json().getString("role") + "|" + invited.json().getJsonArray("teams").getString(0));
        assertFalse(invited.json().containsKey("user"), "a pending invitation has no account");
        assertEquals(409, owner.api().post(members, "{\"email\":\"" + stranger.toUpperCase() + "\"}").status());

        assertEquals(3, allPages(owner.api(), members + "?per_page=2", 2).size(), "owner, colleague and invitation");

        assertEquals("admin", ok(owner.api().put(memberPath, "{\"role\":\"admin\"}")).getString("role"));
        assertEquals("admin", Database.await(topology, topology.controlServer(), REPLICATION, "admin",
                "SELECT role FROM control.organization_member_mapping WHERE organization_id = ? AND user_id = ?",
                owner.organizationId(), colleague.userId()));
        String onTeam = memberPath + "teams/" + owner.slug() + "/";
        assertEquals(201, owner.api().post(onTeam, null).status());
        assertEquals(200, owner.api().post(onTeam, null).status(), "already on the team");
        assertEquals(List.of(owner.slug()), strings(ok(owner.api().get(memberPath)).getJsonArray("teams")));
        assertEquals(200, owner.api().delete(onTeam).status());
        assertEquals(List.of(), strings(ok(owner.api().get(memberPath)).getJsonArray("teams")));
        assertEquals(List.of(owner.slug()), strings(ok(owner.api().put(memberPath,
                "{\"teams\":[\"" + owner.slug() + "\"]}")).getJsonArray("teams")));

        assertEquals(204, owner.api().delete(memberPath).status());
        assertEquals(404, owner.api().get(memberPath).status());
        assertEquals("true", Database.await(topology, topology.controlServer(), REPLICATION, "true",
                "SELECT is_removed::text FROM control.organization_member_mapping WHERE organization_id = ? AND user_id = ?",
                owner.organizationId(), colleague.userId()), "control hears the tombstone");
        assertEquals("member.added,member.invited,member.removed,member.role-changed", Database.await(topology,
                topology.controlServer(), REPLICATION, "member.added,member.invited,member.removed,member.role-changed",
                "SELECT string_agg(DISTINCT event, ',' ORDER BY event) FROM control.audit_log WHERE organization_id = ?"
                        + " AND event LIKE 'member.%' AND event <> 'member.teams-changed'", owner.organizationId()));
    }

    @Test
    void rolesLimitWhatMembersMayDoAndTheLastOwnerStays(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "roles");
        Colleague member = colleague(topology, owner, "member", "rank-and-file");
        Colleague manager = colleague(topology, owner, "manager", "manager");
        String org = "/api/0/organizations/" + owner.slug() + "/";

        assertEquals("member", ok(member.api().get(org)).getString("role"), "members read the organization");
        assertEquals(200, member.api().get(org + "projects/").status());
        assertForbidden(member.api().post("/api/0/teams/" + owner.slug() + "/" + owner.slug() + "/projects/",
                "{\"name\":\"Mine\"}"));
        assertForbidden(member.api().post(org + "teams/", "{\"slug\":\"mine\"}"));
        assertForbidden(member.api().put(org, "{\"name\":\"Taken over\"}"));
        assertForbidden(member.api().post(org + "members/", "{\"email\":\"friend@example.com\"}"));
        assertForbidden(member.api().put(org + "members/me/", "{\"role\":\"owner\"}"));
        assertForbidden(manager.api().put(org, "{\"name\":\"Managed\"}"));
        assertForbidden(manager.api().put(org + "members/" + member.memberId() + "/", "{\"role\":\"owner\"}"));
        String ownerMember = ok(owner.api().get(org + "members/me/")).getString("id");
        assertForbidden(manager.api().delete(org + "members/" + ownerMember + "/"));
        assertEquals("admin", ok(manager.api().put(org + "members/" + member.memberId() + "/", "{\"role\":\"admin\"}"))
                .getString("role"), "a manager changes a member's role");
        assertEquals("0", Database.queryOne(topology, topology.regionServer(), "SELECT count(*) FROM region.project p"
                + " WHERE p.organization_id = ?", owner.organizationId()), "the refused project was not written");

        assertEquals(409, owner.api().delete(org + "members/me/").status(), "the last owner cannot leave");
        assertEquals(409, owner.api().put(org + "members/me/", "{\"role\":\"member\"}").status(),
                "nor be demoted");
        assertEquals("owner", ok(owner.api().get(org + "members/me/")).getString("role"));
        assertEquals(204, member.api().delete(org + "members/me/").status(), "anyone may leave");
        assertEquals(404, member.api().get(org).status(), "who left sees the organization no more");

        assertEquals("owner", ok(owner.api().put(org + "members/" + manager.memberId() + "/", "{\"role\":\"owner\"}"))
                .getString("role"));
        assertEquals(204, owner.api().delete(org + "members/me/").status(), "with another owner, an owner may leave");
    }

    @Test
    void aTokenActsOnlyWithinItsScopes(Topology topology) throws Exception {
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "scopes");
        String readOnly = Accounts.token(owner.account().session(), "org:read");
        ApiClient reader = ApiClient.withToken(topology.url(topology.regionServer()), readOnly);
        String org = "/api/0/organizations/" + owner.slug() + "/";
        awaitAnswer(reader, org, 200);

        assertForbidden(reader.put(org, "{\"name\":\"Read only\"}"));
        assertForbidden(reader.get(org + "members/"));
        assertForbidden(reader.post("/api/0/teams/" + owner.slug() + "/" + owner.slug() + "/projects/",
                "{\"name\":\"Nope\"}"));
        assertEquals("Organization " + owner.slug(), ok(owner.api().get(org)).getString("name"));
    }

    /** A member of the owner's organization with a token that works in the region. */
    record Colleague(ApiClient api, String memberId) {
    }

    private Colleague colleague(Topology topology, Organizations.Owner owner, String role, String who) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(topology.controlServer()), who);
        String token = Accounts.token(account.session(), "org:admin", "project:admin", "team:admin", "member:admin");
        Reply added = owner.api().post("/api/0/organizations/" + owner.slug() + "/members/",
                "{\"email\":\"" + account.email() + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, added.status(), added.toString());
        Organizations.awaitTokenReplica(topology, topology.regionServer(), account.userId());
        ApiClient api = ApiClient.withToken(topology.url(topology.regionServer()), token);
        awaitAnswer(api, "/api/0/organizations/" + owner.slug() + "/", 200);
        return new Colleague(api, added.json().getString("id"));
    }

    private String memberCount(Topology topology, Organizations.Owner owner) throws Exception {
        return Database.queryOne(topology, topology.regionServer(),
                "SELECT count(*) FROM region.organization_member WHERE organization_id = ?", owner.organizationId());
    }

    /** Follows the Link header's next page until it says no more results; the slugs (or ids) in order. */
    static List<String> allPages(ApiClient api, String firstPage, int perPage) {
        List<String> seen = new ArrayList<>();
        String path = firstPage;
        for (int page = 0; page < 20; page++) {
            Reply reply = api.get(path);
            assertEquals(200, reply.status(), reply.toString());
            JsonArray items = reply.jsonArray();
            assertTrue(items.size() <= perPage, "a page holds at most per_page items");
            items.forEach(item -> seen.add(item.asJsonObject().containsKey("slug")
                    ? item.asJsonObject().getString("slug") : item.asJsonObject().getString("id")));
            String link = reply.header("Link").orElseThrow();
            assertTrue(link.contains("rel=\"previous\""), link);
            Matcher next = NEXT.matcher(link);
            assertTrue(next.find(), link);
            if (next.group(2).equals("false")) {
                return seen;
            }
            URI url = URI.create(next.group(1));
            path = url.getRawPath() + "?" + url.getRawQuery();
        }
        throw new AssertionError("more than 20 pages");
    }

    static JsonObject ok(Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    static void assertForbidden(Reply reply) {
        assertEquals(403, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
    }

    static void assertInvalid(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertTrue(reply.json().getJsonArray("errors").stream()
                .anyMatch(error -> error.asJsonObject().getString("field").endsWith(field)), reply.toString());
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(value -> ((JsonString) value).getString()).toList();
    }

    /** Polls until {@code path} answers {@code status}: a new token reaches a region's replicas eventually. */
    static void awaitAnswer(ApiClient api, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + REPLICATION.toNanos();
        Reply reply = api.get(path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            reply = api.get(path);
        }
        assertEquals(status, reply.status(), reply.toString());
    }
}
