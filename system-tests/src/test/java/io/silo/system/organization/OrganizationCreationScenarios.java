package io.silo.system.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * "The dropdown" on real servers: a user creates organizations in the regions they choose through control;
 * control claims the slug, the region creates the organization with its owner, and the picker lists the
 * user's organizations in every region with each one's region.
 */
public abstract class OrganizationCreationScenarios {

    private static String body(String name, String slug, String region) {
        var json = Json.createObjectBuilder().add("name", name);
        if (slug != null) {
            json.add("slug", slug);
        }
        if (region != null) {
            json.add("region", region);
        }
        return json.build().toString();
    }

    private static String newSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private ApiClient newUser(Topology topology, String who) {
        return Accounts.newUserWithToken(topology.url(topology.controlServer()), who, "org:read", "org:write");
    }

    @Test
    void anOrganizationCreatedInARegionExistsThereAndTheMapListsItWithItsRegion(Topology topology) throws Exception {
        ApiClient user = newUser(topology, "dropdown");
        String region = topology.regions().get(topology.regions().size() - 1);
        String slug = newSlug("acme");

        Reply created = user.post("/api/0/organizations/", body("Acme " + slug, slug, region));

        assertEquals(201, created.status(), created.toString());
        JsonObject organization = created.json();
        assertEquals(slug, organization.getString("slug"));
        assertEquals(region, organization.getString("region"));
        assertEquals("active", organization.getJsonObject("status").getString("id"));
        assertFalse(organization.getBoolean("isEarlyAdopter"), "the flags Sentry's tools require are there");
        assertFalse(organization.getBoolean("require2FA"));
        assertFalse(organization.getBoolean("requireEmailVerification"));
        assertEquals(0, organization.getJsonArray("features").size());
        int port = topology.url(topology.controlServer()).getPort();
        assertEquals("http://" + slug + ".localhost:" + port, organization.getJsonObject("links").getString("organizationUrl"),
                "the customer domain, with the root URL's port");
        assertEquals("http://" + region + ".localhost:" + port, organization.getJsonObject("links").getString("regionUrl"));
        assertTrue(created.header("Location").orElseThrow().endsWith("/api/0/organizations/" + slug + "/"));
        assertEquals("owner", Database.queryOne(topology, topology.regionServer(region), "SELECT m.role FROM region.organization o"
                + " JOIN region.organization_member m ON m.organization_id = o.id WHERE o.id = ?",
                Long.parseLong(organization.getString("id"))), "the region holds the organization and its owner");
        assertEquals("", Database.queryOne(topology, topology.controlServer(), "SELECT coalesce(lease_expires_at::text, '')"
                + " FROM control.slug_reservation WHERE slug = ?", slug), "the region confirmed the slug's claim");

        Reply picker = user.get("/api/0/organizations/");
        assertEquals(200, picker.status(), picker.toString());
        assertEquals(List.of(slug + "@" + region), picker.jsonArray().stream()
                .map(JsonValue::asJsonObject).map(o -> o.getString("slug") + "@" + o.getString("region")).toList());
    }

    @Test
    void thePickerListsTheUsersOrganizationsInEveryRegion(Topology topology) throws Exception {
        ApiClient user = newUser(topology, "picker");
        List<String> expected = new ArrayList<>();
        for (String region : topology.regions()) {
            String slug = newSlug("org-" + region);
            Reply created = user.post("/api/0/organizations/", body("Org in " + region, slug, region));
            assertEquals(201, created.status(), created.toString());
            expected.add(slug + "@" + region);
        }
        Reply other = newUser(topology, "stranger").post("/api/0/organizations/", body("Not mine", null, null));
        assertEquals(201, other.status(), other.toString());
        assertEquals(topology.regions().get(0), other.json().getString("region"), "no region given: the default one");

        List<String> listed = user.get("/api/0/organizations/").jsonArray().stream().map(JsonValue::asJsonObject)
                .map(o -> o.getString("slug") + "@" + o.getString("region")).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), listed, "both of the user's organizations, and no one else's");
        List<String> regionNames = user.get("/api/0/users/me/regions/").json().getJsonArray("regions").stream()
                .map(region -> region.asJsonObject().getString("name")).toList();
        assertEquals(topology.regions().stream().distinct().sorted().toList(), regionNames);
    }

    @Test
    void slugsAreValidatedReservedAndUniqueAndNothingIsClaimedForARefusal(Topology topology) throws Exception {
        ApiClient user = newUser(topology, "slugs");
        String taken = newSlug("taken");
        assertEquals(201, user.post("/api/0/organizations/", body("First", taken, null)).status());

        Reply again = user.post("/api/0/organizations/", body("Second", taken, null));
        assertEquals(409, again.status(), again.toString());
        assertTrue(again.isProblem() && again.json().getString("detail").contains(taken), again.toString());
        for (String[] bad : new String[][] {{"admin", "slug"}, {"api", "slug"}, {topology.regions().get(0), "slug"},
                {"Upper-Case", "slug"}, {"-leading", "slug"}, {"12345", "slug"}, {"x".repeat(51), "slug"}}) {
            Reply refused = user.post("/api/0/organizations/", body("Bad", bad[0], null));
            assertEquals(400, refused.status(), bad[0] + ": " + refused);
            assertEquals(bad[1], refused.json().getJsonArray("errors").getJsonObject(0).getString("field"), refused.toString());
        }
        Reply unknownRegion = user.post("/api/0/organizations/", body("Nowhere", newSlug("nowhere"), "mars"));
        assertEquals(400, unknownRegion.status(), unknownRegion.toString());
        assertEquals("region", unknownRegion.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("0", Database.queryOne(topology, topology.controlServer(), "SELECT count(*) FROM control.slug_reservation"
                + " WHERE slug IN ('admin', 'api', '12345') OR slug LIKE 'nowhere-%'"), "refusals claim nothing");
    }

    @Test
    void concurrentCreationsOfOneSlugInDifferentRegionsLetExactlyOneWin(Topology topology) throws Exception {
        ApiClient first = newUser(topology, "racer-a");
        ApiClient second = newUser(topology, "racer-b");
        for (int round = 0; round < 3; round++) {
            String slug = newSlug("race");
            CompletableFuture<Reply> a = CompletableFuture.supplyAsync(
                    () -> first.post("/api/0/organizations/", body("A", slug, topology.regions().get(0))));
            CompletableFuture<Reply> b = CompletableFuture.supplyAsync(
                    () -> second.post("/api/0/organizations/", body("B", slug, topology.regions().get(topology.regions().size() - 1))));
            List<Integer> statuses = List.of(a.get().status(), b.get().status()).stream().sorted().toList();
            assertEquals(List.of(201, 409), statuses, "round " + round + ": " + a.get() + " / " + b.get());
            assertEquals("1", Database.queryOne(topology, topology.controlServer(),
                    "SELECT count(*) FROM control.organization_mapping WHERE slug = ?", slug));
        }
    }

    @Test
    void creatingAnOrganizationNeedsTheOrgWriteScope(Topology topology) {
        Accounts.Account account = Accounts.signUp(topology.url(topology.controlServer()), "readonly");
        ApiClient reader = ApiClient.withToken(topology.url(topology.controlServer()), Accounts.token(account.session(), "org:read"));
        Reply refused = reader.post("/api/0/organizations/", body("Nope", newSlug("nope"), null));
        assertEquals(403, refused.status(), refused.toString());
        assertEquals(200, reader.get("/api/0/organizations/").status());
    }

    @Test
    void closingAnAccountRemovesItsMembershipsInEveryRegionAndControlsDirectoryFollows(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(topology.controlServer()), "leaving");
        ApiClient user = ApiClient.withToken(topology.url(topology.controlServer()),
                Accounts.token(account.session(), "org:read", "org:write"));
        List<Long> organizations = new ArrayList<>();
        for (String region : topology.regions()) {
            Reply created = user.post("/api/0/organizations/", body("Leaving " + region, newSlug("leave"), region));
            assertEquals(201, created.status(), created.toString());
            organizations.add(Long.parseLong(created.json().getString("id")));
        }

        assertEquals(204, account.session().delete("/api/0/users/me/").status());

        for (int i = 0; i < topology.regions().size(); i++) {
            assertEquals("0", Database.await(topology, topology.regionServer(topology.regions().get(i)), Duration.ofSeconds(30), "0",
                    "SELECT count(*) FROM region.organization_member WHERE user_id = ? AND organization_id = ?",
                    account.userId(), organizations.get(i)), "the membership left region " + topology.regions().get(i));
        }
        assertEquals("0", Database.await(topology, topology.controlServer(), Duration.ofSeconds(30), "0",
                "SELECT count(*) FROM control.organization_member_mapping WHERE user_id = ? AND NOT is_removed",
                account.userId()), "control's directory holds the tombstones");
    }

    /** An owner whose organization-scoped token already works in the organization's region. */
    private ApiClient ownerOfNewOrganization(Topology topology, String who, String slug, String region) throws Exception {
        Accounts.Account account = Accounts.signUp(topology.url(topology.controlServer()), who);
        ApiClient owner = ApiClient.withToken(topology.url(topology.controlServer()),
                Accounts.token(account.session(), "org:read", "org:write", "org:admin"));
        Reply created = owner.post("/api/0/organizations/", body("Org " + slug, slug, region));
        assertEquals(201, created.status(), created.toString());
        Organizations.awaitTokenReplica(topology, topology.regionServer(region), account.userId());
        return owner;
    }

    @Test
    void renamingMovesTheSlugGloballyAndTheOldOneStaysClaimedAsAnAlias(Topology topology) throws Exception {
        String region = topology.regions().get(topology.regions().size() - 1);
        String before = newSlug("before");
        String after = newSlug("after");
        ApiClient owner = ownerOfNewOrganization(topology, "renamer", before, region);

        Reply renamed = owner.put("/api/0/organizations/" + before + "/", "{\"slug\":\"" + after + "\"}");

        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(after, renamed.json().getString("slug"));
        assertEquals(200, owner.get("/api/0/organizations/" + after + "/").status(), "the new slug works at once");
        assertEquals("PRIMARY|TEMPORARY_ALIAS|" + after, Database.queryOne(topology, topology.controlServer(),
                "SELECT (SELECT kind FROM control.slug_reservation WHERE slug = ?) || '|'"
                        + " || (SELECT kind FROM control.slug_reservation WHERE slug = ? AND lease_expires_at > now()) || '|'"
                        + " || (SELECT m.slug FROM control.organization_mapping m JOIN control.slug_reservation r"
                        + " ON r.organization_id = m.id WHERE r.slug = ?)", after, before, before));
        assertEquals(409, newUser(topology, "squatter").post("/api/0/organizations/", body("Squat", before, region)).status(),
                "the old slug stays claimed while it is an alias");
        if (topology.isSplit()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Reply old = owner.get("/api/0/organizations/" + before + "/?x=1");
            while (old.status() != 308 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                old = owner.get("/api/0/organizations/" + before + "/?x=1");
            }
            assertEquals(308, old.status(), old.toString());
            assertEquals("/api/0/organizations/" + after + "/?x=1", old.header("Location").orElseThrow());
        }
        Reply invalid = owner.put("/api/0/organizations/" + after + "/", "{\"slug\":\"admin\"}");
        assertEquals(400, invalid.status(), invalid.toString());
        assertEquals("slug", invalid.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void concurrentRenamesToOneSlugLetExactlyOneWin(Topology topology) throws Exception {
        String first = newSlug("first");
        String second = newSlug("second");
        ApiClient a = ownerOfNewOrganization(topology, "rename-a", first, topology.regions().get(0));
        ApiClient b = ownerOfNewOrganization(topology, "rename-b", second, topology.regions().get(topology.regions().size() - 1));
        String wanted = newSlug("wanted");

        CompletableFuture<Reply> renameA = CompletableFuture.supplyAsync(
                () -> a.put("/api/0/organizations/" + first + "/", "{\"slug\":\"" + wanted + "\"}"));
        CompletableFuture<Reply> renameB = CompletableFuture.supplyAsync(
                () -> b.put("/api/0/organizations/" + second + "/", "{\"slug\":\"" + wanted + "\"}"));

        assertEquals(List.of(200, 409), List.of(renameA.get().status(), renameB.get().status()).stream().sorted().toList(),
                renameA.get() + " / " + renameB.get());
        assertEquals("1", Database.queryOne(topology, topology.controlServer(),
                "SELECT count(*) FROM control.organization_mapping WHERE slug = ?", wanted));
    }
}
