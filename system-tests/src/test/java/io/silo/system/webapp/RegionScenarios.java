package io.silo.system.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Browser;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import io.silo.system.integration.WebhookScenarios;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What the web app shows of regions when there are two (split only): the picker across regions, switching between
 * them without a new login, a taken slug, and a region that is down while the other keeps working.
 */
public abstract class RegionScenarios {

    @Test
    void thePickerShowsEachOrganizationWithItsRegionAndATakenSlugIsSaidBesideTheField(Topology topology) throws Exception {
        try (Browser browser = Browser.open(WebAppScenarios.control(topology))) {
            WebAppScenarios.signUp(browser, "Ada Picker");
            String us = WebAppScenarios.createOrganization(browser, WebAppScenarios.unique("Shop US"), "us");
            String eu = WebAppScenarios.createOrganization(browser, WebAppScenarios.unique("Shop EU"), "eu");

            browser.go("/organizations/");
            browser.await(page -> page.findElements(By.cssSelector(".organization")).size() == 2 ? Boolean.TRUE : null,
                    "two organizations");
            assertEquals("Region: us", regionOf(browser, us));
            assertEquals("Region: eu", regionOf(browser, eu));
            browser.screenshot(WebAppScenarios.shot(topology, "organization-picker"));

            browser.go("/organizations/" + us + "/issues/");
            browser.awaitText("No issues yet");
            new Select(browser.byTestId("organization-switcher")).selectByValue(eu);
            browser.await(page -> browser.path().equals("/organizations/" + eu + "/issues/") ? Boolean.TRUE : null,
                    "the eu organization's issues");
            browser.awaitText("No issues yet");

            ApiClient someoneElse = WebhookScenarios.newUser(topology, topology.controlServer(), "slug-taken");
            Reply refused = someoneElse.post("/api/0/organizations/", "{\"name\":\"Taken\",\"slug\":\"" + us
                    + "\",\"region\":\"eu\"}");
            assertEquals(409, refused.status(), refused.toString());
            browser.go("/organizations/new/");
            browser.type("Name", "Another shop");
            browser.type("Slug", us);
            browser.choose("Data region", "eu");
            browser.click("Create organization");
            assertEquals(refused.json().getString("detail"), browser.byTestId("organization-slug-error").getText(),
                    "the API's own words, beside the slug");
        }
    }

    @Test
    void withARegionDownCreatingThereSaysSoAndCreatesNothingWhileTheOtherRegionWorks(Topology topology) throws Exception {
        try (Browser browser = Browser.open(WebAppScenarios.control(topology))) {
            WebAppScenarios.signUp(browser, "Ada Outage");
            String us = WebAppScenarios.createOrganization(browser, WebAppScenarios.unique("Steady"), "us");
            String dsn = WebAppScenarios.createProject(browser, "Api", "java");
            String title = WebAppScenarios.unique("still-visible");
            Reply stored = SentrySdk.storeWithDsn(dsn,
                    SentrySdk.exceptionEvent(SentrySdk.newEventId(), "TimeoutError", title, ""));
            assertEquals(200, stored.status(), stored.toString());
            WebAppScenarios.awaitIssue(browser, us, "is:unresolved", title);

            topology.stop("region-eu");
            try {
                browser.go("/organizations/new/");
                browser.type("Name", "Doomed in eu");
                browser.choose("Data region", "eu");
                browser.click("Create organization");
                WebElement problem = browser.byTestId("problem");
                assertTrue(problem.getText().contains("eu"), problem.getText());
                assertTrue(problem.getText().contains("Nothing was created"), problem.getText());
                browser.field("Slug");
                browser.click("Try again");
                browser.byTestId("problem");
                browser.screenshot(WebAppScenarios.shot(topology, "organization-create-region-down"));

                browser.go("/organizations/");
                browser.await(page -> page.findElements(By.cssSelector(".organization")).size() == 1 ? Boolean.TRUE
                        : null, "only the us organization");
                WebAppScenarios.awaitIssue(browser, us, "is:unresolved", title);
            } finally {
                assertEquals(0, topology.up().exitCode(), "region eu starts again");
            }
        }
    }

    private static String regionOf(Browser browser, String slug) {
        WebElement card = browser.driver().findElement(By.cssSelector(".organization[data-slug='" + slug + "']"));
        return card.findElement(By.cssSelector("[data-testid='organization-region']")).getText();
    }
}
