package io.silo.system.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Browser;
import io.silo.system.harness.Topology;
import io.silo.system.harness.Webhooks;
import io.silo.system.integration.WebhookScenarios;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The operators' pages with two regions (split): who may see them, the regions page through a region's outage,
 * organizations of both regions found by a member's email, the audit index, and a held-back outbox category
 * climbing and draining on the chart.
 */
public abstract class AdminConsoleScenarios {

    /** Logs the topology's operator in ({@code silo.admin.emails}), signing the account up the first time. */
    public static Browser operatorBrowser(Topology topology) {
        URI control = WebAppScenarios.control(topology);
        Accounts.operator(control);
        Browser browser = Browser.open(control);
        browser.go("/login/");
        WebAppScenarios.logIn(browser, Topology.OPERATOR_EMAIL, Accounts.OPERATOR_PASSWORD);
        browser.await(page -> browser.path().equals("/login/") ? null : Boolean.TRUE, "logged in");
        return browser;
    }

    static String statusOf(Browser browser, String silo) {
        return browser.byTestId("silo-" + silo + "-status").getText();
    }

    @Test
    void aNonOperatorSeesNotAllowedAndTheAdminApiRefusesTokensWithoutAdmin(Topology topology) {
        URI control = WebAppScenarios.control(topology);
        try (Browser browser = Browser.open(control)) {
            WebAppScenarios.signUp(browser, "Not An Operator");
            browser.go("/admin/");
            assertTrue(browser.byTestId("not-allowed").getText().contains("Not allowed"));
            assertTrue(browser.driver().findElements(By.linkText("Admin")).isEmpty(), "no Admin link for them");
        }
        ApiClient someone = Accounts.newUserWithToken(control, "not-operator", "org:read");
        for (String path : new String[] {"/api/0/admin/regions/", "/api/0/admin/organizations/", "/api/0/admin/audit-log/",
                "/api/0/admin/regions/eu/outbox/dead-letters/"}) {
            assertEquals(403, someone.get(path).status(), path);
        }
        ApiClient operatorWithoutAdmin = ApiClient.withToken(control,
                Accounts.token(Accounts.operator(control).session(), "org:read"));
        assertEquals(403, operatorWithoutAdmin.get("/api/0/admin/regions/").status(), "a token without admin");
    }

    @Test
    void theRegionsPageSaysWithinSecondsThatARegionIsDownAndWhenItIsBack(Topology topology) throws Exception {
        ApiClient operatorApi = ApiClient.withToken(WebAppScenarios.control(topology),
                Accounts.token(Accounts.operator(WebAppScenarios.control(topology)).session(), "admin"));
        try (Browser browser = operatorBrowser(topology)) {
            browser.click("Admin");
            browser.await(page -> statusOf(browser, "eu").equals("healthy") ? Boolean.TRUE : null, "eu healthy");
            assertEquals("healthy", statusOf(browser, "control"));
            assertEquals("healthy", statusOf(browser, "us"));
            browser.screenshot(WebAppScenarios.shot(topology, "admin-regions"));

            topology.stop("region-eu");
            try {
                long stopped = System.nanoTime();
                browser.await(page -> statusOf(browser, "eu").equals("failing") ? Boolean.TRUE : null, "eu failing");
                Duration noticed = Duration.ofNanos(System.nanoTime() - stopped);
                assertTrue(noticed.compareTo(Duration.ofSeconds(10)) <= 0, "said within 10 s: " + noticed);
                assertTrue(browser.byTestId("silo-eu-failing").getText().contains("unreachable"),
                        browser.byTestId("silo-eu-failing").getText());
                assertEquals("healthy", statusOf(browser, "us"), "us is not dragged down");
                long asked = System.nanoTime();
                Reply regions = operatorApi.get("/api/0/admin/regions/");
                Duration took = Duration.ofNanos(System.nanoTime() - asked);
                assertEquals(200, regions.status(), regions.toString());
                assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "the page's data in under 2 s: " + took);
                browser.screenshot(WebAppScenarios.shot(topology, "admin-regions-eu-down"));
            } finally {
                assertEquals(0, topology.up().exitCode(), "region eu starts again");
            }
            browser.await(page -> statusOf(browser, "eu").equals("healthy") ? Boolean.TRUE : null, "eu healthy again");
        }
    }

    @Test
    void aMembersEmailFindsTheirOrganizationsInBothRegionsAndTheAuditLogTheirCreation(Topology topology) throws Exception {
        URI control = WebAppScenarios.control(topology);
        Accounts.Account member = Accounts.signUp(control, "two-regions");
        ApiClient api = ApiClient.withToken(control, Accounts.token(member.session(), "org:read", "org:write"));
        String us = WebAppScenarios.unique("both-us");
        String eu = WebAppScenarios.unique("both-eu");
        WebhookScenarios.createOrganization(api, us, "us");
        WebhookScenarios.createOrganization(api, eu, "eu");
        try (Browser browser = operatorBrowser(topology)) {
            browser.go("/admin/organizations/");
            browser.await(page -> {
                browser.type("Search organizations", member.email());
                browser.click("Search");
                String listed = page.findElements(By.cssSelector("[data-testid='organizations']")).isEmpty() ? ""
                        : browser.byTestId("organizations").getText();
                return listed.contains(us) && listed.contains(eu) ? Boolean.TRUE : null;
            }, "both organizations of " + member.email(), Duration.ofSeconds(60));
            assertEquals("us", browser.driver().findElement(By.cssSelector("tr[data-slug='" + us + "'] .region")).getText());
            assertEquals("eu", browser.driver().findElement(By.cssSelector("tr[data-slug='" + eu + "'] .region")).getText());
            browser.screenshot(WebAppScenarios.shot(topology, "admin-organizations"));

            browser.click("Audit log");
            browser.type("Actor (email or id)", member.email());
            browser.type("Event", "organization.created");
            browser.click("Filter");
            browser.await(page -> page.findElements(By.cssSelector("[data-testid='audit-entries'] tbody tr")).size() == 2
                    ? Boolean.TRUE : null, "the two creations");
            browser.screenshot(WebAppScenarios.shot(topology, "admin-audit"));
        }
    }

    @Test
    void aWebhookForAnInstallationNobodyHasIsAmongTheUnroutableOnes(Topology topology) {
        String installationId = WebhookScenarios.newInstallationId();
        Reply received = Webhooks.github(ApiClient.anonymous(WebAppScenarios.control(topology)), "push",
                WebhookScenarios.push(installationId, WebAppScenarios.unique("nobody/repo"), "c0ffee"),
                topology.webhookSecret(Topology.GITHUB_WEBHOOK_SECRET));
        assertEquals(202, received.status(), received.toString());
        try (Browser browser = operatorBrowser(topology)) {
            browser.go("/admin/webhooks/");
            browser.choose("Provider", "github");
            browser.await(page -> page.findElements(By.cssSelector("[data-testid='webhooks-unroutable']")).isEmpty() ? null
                    : browser.byTestId("webhooks-unroutable").getText().contains(installationId) ? Boolean.TRUE : null,
                    "the unroutable webhook of installation " + installationId);
            assertTrue(browser.byTestId("webhooks-unroutable").getText().contains("no integration with this external id"));
            browser.screenshot(WebAppScenarios.shot(topology, "admin-webhooks"));
        }
    }

    @Test
    void aHeldBackCategoryClimbsOnTheChartAndDrainsToZeroWhenSwitchedOn(Topology topology) throws Exception {
        URI control = WebAppScenarios.control(topology);
        Accounts.Account renamed = Accounts.signUp(control, "held-back");
        try (Browser browser = operatorBrowser(topology)) {
            browser.go("/admin/outbox/");
            browser.byTestId("depth-control");
            topology.setLiveConfig("silo.outbox.disabled-categories", "USER_REPLICA");
            try {
                Thread.sleep(9000); // a live setting applies everywhere within ~9 s (5 s config cache, 3 s sweep)
                for (int i = 1; i <= 5; i++) {
                    Reply changed = renamed.session().put("/api/0/users/me/", "{\"name\":\"Held back " + i + "\"}");
                    assertEquals(200, changed.status(), changed.toString());
                }
                browser.await(page -> Long.parseLong(browser.byTestId("depth-control").getText()) > 0 ? Boolean.TRUE : null,
                        "control's backlog climbing");
                browser.await(page -> page.findElements(By.cssSelector("[data-testid='outbox-control'] canvas")).isEmpty()
                        ? null : Boolean.TRUE, "the chart");
                browser.screenshot(WebAppScenarios.shot(topology, "admin-outbox"));
            } finally {
                topology.setLiveConfig("silo.outbox.disabled-categories", null);
            }
            browser.await(page -> browser.byTestId("depth-control").getText().equals("0") ? Boolean.TRUE : null,
                    "drained to zero", Duration.ofSeconds(60));
        }
    }
}
