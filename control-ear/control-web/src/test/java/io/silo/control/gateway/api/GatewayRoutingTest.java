package io.silo.control.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.region.Region;
import io.silo.common.region.RegionCategory;
import io.silo.control.gateway.api.GatewayRouting.ControlsOwn;
import io.silo.control.gateway.api.GatewayRouting.Decision;
import io.silo.control.gateway.api.GatewayRouting.Forward;
import io.silo.control.gateway.api.GatewayRouting.ReadEnvelopeKey;
import io.silo.control.gateway.api.GatewayRouting.Redirect;
import io.silo.control.gateway.api.GatewayRouting.RedirectDomain;
import io.silo.control.gateway.api.GatewayRouting.Refuse;
import io.silo.control.gateway.api.GatewayRouting.RequestFacts;
import io.silo.control.gateway.service.OrganizationRoute;
import io.silo.control.organization.model.OrganizationStatus;
import io.silo.control.organization.service.PublicUrls.CustomerDomain;
import io.silo.control.organization.service.PublicUrls.HostRoute;
import io.silo.control.organization.service.PublicUrls.RegionHost;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every case of the gateway's routing decision, against a directory held in maps. */
class GatewayRoutingTest {

    private static final Region US = region("us", 1);
    private static final Region EU = region("eu", 2);

    /** acme lives in eu, was renamed from old-acme; fresh is still being created in us; one DSN key per region. */
    private static final Map<String, OrganizationRoute> ORGANIZATIONS = Map.of(
            "acme", new OrganizationRoute("eu", OrganizationStatus.ACTIVE, "acme"),
            "old-acme", new OrganizationRoute("eu", OrganizationStatus.ACTIVE, "acme"),
            "fresh", new OrganizationRoute("us", OrganizationStatus.PROVISIONING, "fresh"),
            "lost", new OrganizationRoute("mars", OrganizationStatus.ACTIVE, "lost"));
    private static final Map<String, String> KEYS = Map.of("k-us", "us", "k-eu", "eu");

    /** The slugs the directory was asked for, in order: what the decision costs in lookups. */
    private final List<String> asked = new ArrayList<>();

    private final GatewayRouting routing = new GatewayRouting(new GatewayRouting.Lookups() {
        @Override
        public Optional<OrganizationRoute> organization(String slug) {
            asked.add(slug);
            return Optional.ofNullable(ORGANIZATIONS.get(slug));
        }

        @Override
        public Optional<String> regionOfPublicKey(String publicKey) {
            return Optional.ofNullable(KEYS.get(publicKey));
        }

        @Override
        public Optional<Region> region(String name) {
            return Optional.ofNullable(Map.of("us", US, "eu", EU).get(name));
        }
    }, Duration.ofSeconds(7));

    private static Region region(String name, int id) {
        return new Region(name, id, URI.create("http://127.0.0.1:" + (8080 + id)), name + ".silo.test",
                name + ".silo.test", RegionCategory.MULTI_TENANT, true);
    }

    private Decision decide(String path) {
        return decide(path, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private Decision decide(String path, Optional<HostRoute> host, Optional<String> tokenRegion, Optional<String> key) {
        return routing.decide(new RequestFacts(path, host, tokenRegion, key));
    }

    private static void assertForward(Region region, boolean carriesSession, Decision decision) {
        assertEquals(new Forward(region, carriesSession), decision);
    }

    private static void assertRefused(int status, String detailPart, Decision decision) {
        Refuse refuse = assertInstanceOf(Refuse.class, decision);
        assertEquals(status, refuse.refusal().problem().status(), refuse.refusal().getMessage());
        assertTrue(refuse.refusal().getMessage().contains(detailPart), refuse.refusal().getMessage());
        assertEquals("none", refuse.region());
    }

    @Test
    void organizationScopedPathGoesToTheOrganizationsRegionWithTheSession() {
        assertForward(EU, true, decide("/api/0/organizations/acme/issues/"));
        assertForward(EU, true, decide("/api/0/projects/acme/backend/keys/"));
        assertForward(EU, true, decide("/api/0/teams/acme/core/"));
        assertEquals(List.of("acme", "acme", "acme"), asked);
    }

    @Test
    void unknownOrganizationIs404() {
        assertRefused(404, GatewayRouting.NO_SUCH_ORGANIZATION, decide("/api/0/organizations/nobody/"));
    }

    @Test
    void oldSlugRedirectsToTheCurrentOne() {
        assertEquals(new Redirect("acme"), decide("/api/0/organizations/old-acme/issues/"));
    }

    @Test
    void organizationStillBeingCreatedIs503WithAShortRetry() {
        Decision decision = decide("/api/0/organizations/fresh/");
        assertRefused(503, "still being created in region us", decision);
        assertEquals("1", ((Refuse) decision).refusal().headers().get("Retry-After"));
    }

    @Test
    void organizationInARegionThisServerDoesNotKnowIs503WithTheConfiguredRetry() {
        Decision decision = decide("/api/0/organizations/lost/");
        assertRefused(503, "Region mars is not in this server's region directory", decision);
        assertEquals("7", ((Refuse) decision).refusal().headers().get("Retry-After"));
    }

    @Test
    void organizationTokenRoutesByItsPrefixWithoutReadingTheDirectory() {
        assertForward(US, true, decide("/api/0/organizations/acme/issues/", Optional.empty(), Optional.of("us"),
                Optional.empty()));
        assertEquals(List.of(), asked);
    }

    @Test
    void organizationTokenOfAnUnknownRegionIs401() {
        assertRefused(401, "Invalid, expired or revoked token", decide("/api/0/organizations/acme/",
                Optional.empty(), Optional.of("mars"), Optional.empty()));
    }

    @Test
    void controlsOwnPathsAreNotRouted() {
        assertEquals(new ControlsOwn(), decide("/api/0/organizations/"));
        assertEquals(new ControlsOwn(), decide("/api/0/users/me/"));
        assertEquals(new ControlsOwn(), decide("/api/0/organizations/acme/org-auth-tokens/"));
        assertEquals(List.of(), asked);
    }

    @Test
    void ingestionGoesToTheRegionOfItsDsnKeyWithoutASession() {
        assertForward(US, false, decide("/api/42/envelope/", Optional.empty(), Optional.empty(), Optional.of("k-us")));
        assertForward(EU, false, decide("/api/42/store/", Optional.empty(), Optional.empty(), Optional.of("k-eu")));
    }

    @Test
    void envelopeWithoutAKeyInHeadersIsReadForItsHeaderLine() {
        assertEquals(new ReadEnvelopeKey(), decide("/api/42/envelope/"));
        assertForward(EU, false, routing.ingestion(Optional.of("k-eu")));
        assertRefused(401, "Missing DSN public key", routing.ingestion(Optional.empty()));
    }

    @Test
    void storeWithoutAKeyIs401AndAnUnknownKeyIs401() {
        assertRefused(401, "Missing DSN public key", decide("/api/42/store/"));
        assertRefused(401, "Unknown or removed DSN public key",
                decide("/api/42/store/", Optional.empty(), Optional.empty(), Optional.of("k-gone")));
    }

    @Test
    void regionApiHostGoesToItsRegionWhateverThePathButTheOrganizationList() {
        Optional<HostRoute> euHost = Optional.of(new RegionHost("eu"));
        assertForward(EU, true, decide("/api/0/organizations/acme/", euHost, Optional.empty(), Optional.empty()));
        assertForward(EU, true, decide("/api/0/users/me/", euHost, Optional.empty(), Optional.empty()));
        assertForward(EU, true, decide("/api/42/envelope/", euHost, Optional.empty(), Optional.empty()));
        assertForward(US, true, decide("/api/0/organizations/acme/", Optional.of(new RegionHost("us")),
                Optional.empty(), Optional.empty()));
        assertEquals(new ControlsOwn(), decide("/api/0/organizations/", euHost, Optional.empty(), Optional.empty()),
                "control lists the caller's organizations in eu");
    }

    @Test
    void regionApiHostRedirectsAnOldSlug() {
        assertEquals(new Redirect("acme"), decide("/api/0/organizations/old-acme/", Optional.of(new RegionHost("eu")),
                Optional.empty(), Optional.empty()));
    }

    @Test
    void customerDomainServesOnlyItsOwnOrganization() {
        Optional<HostRoute> acme = Optional.of(new CustomerDomain("acme"));
        assertForward(EU, true, decide("/api/0/organizations/acme/issues/", acme, Optional.empty(), Optional.empty()));
        assertRefused(404, GatewayRouting.NO_SUCH_ORGANIZATION,
                decide("/api/0/organizations/fresh/", acme, Optional.empty(), Optional.empty()));
        assertEquals(new ControlsOwn(), decide("/api/0/users/me/", acme, Optional.empty(), Optional.empty()));
    }

    @Test
    void oldCustomerDomainRedirectsToTheCurrentDomain() {
        Optional<HostRoute> old = Optional.of(new CustomerDomain("old-acme"));
        assertEquals(new RedirectDomain("acme", true),
                decide("/api/0/organizations/old-acme/issues/", old, Optional.empty(), Optional.empty()));
        assertEquals(new RedirectDomain("acme", false), decide("/api/0/users/me/", old, Optional.empty(), Optional.empty()));
        assertEquals(new RedirectDomain("acme", false),
                decide("/api/42/envelope/", old, Optional.empty(), Optional.of("k-eu")));
    }
}
