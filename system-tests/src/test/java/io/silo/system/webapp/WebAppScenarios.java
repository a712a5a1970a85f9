package io.silo.system.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sentry.Breadcrumb;
import io.sentry.Sentry;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Browser;
import io.silo.system.harness.Http;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The web app as a person uses it, in a real Chromium: every step through the pages, every check on what the page
 * shows. Screenshots of the main pages land in {@code target/screenshots/} (the split topology's are the ones
 * committed under {@code docs/screenshots/}).
 */
public abstract class WebAppScenarios {

    static final String PASSWORD = "correct horse battery staple";

    /** Where the screenshots of this topology go: {@code split-issues}, {@code monolith-issues}. */
    static String shot(Topology topology, String page) {
        return topology.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + page;
    }

    static URI control(Topology topology) {
        return topology.url(topology.controlServer());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Signs up through the pages and lands on organization creation (a new account has no organization). */
    static String signUp(Browser browser, String name) {
        String email = unique(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')) + "@example.com";
        browser.go("/");
        browser.awaitText("Log in to Silo");
        browser.click("Create an account");
        browser.type("Name", name);
        browser.type("Email", email);
        browser.type("Password", PASSWORD);
        browser.click("Create account");
        browser.awaitText("Create an organization");
        return email;
    }

    static void logIn(Browser browser, String email, String password) {
        browser.awaitText("Log in to Silo");
        browser.type("Email", email);
        browser.type("Password", password);
        browser.click("Log in");
    }

    /** Creates an organization through the creation page; lands on its first project's creation. */
    static String createOrganization(Browser browser, String name, String region) {
        browser.go("/organizations/new/");
        browser.type("Name", name);
        browser.choose("Data region", region);
        String slug = browser.field("Slug").getAttribute("value");
        browser.click("Create organization");
        browser.await(page -> browser.path().endsWith("/projects/new/") ? Boolean.TRUE : null, "the new organization");
        return slug;
    }

    /** Creates a project through its page and reads its DSN from the settings page it lands on. */
    static String createProject(Browser browser, String name, String platform) {
        browser.type("Name", name);
        browser.choose("Platform", platform);
        browser.click("Create project");
        return browser.await(page -> {
            String value = browser.field("DSN").getAttribute("value");
            return value == null || value.isEmpty() ? null : value;
        }, "the DSN");
    }

    /** Reloads the issue list until an issue with this text is listed (the SDK's event is stored asynchronously). */
    static WebElement awaitIssue(Browser browser, String slug, String query, String title) {
        return browser.await(page -> {
            showIssues(browser, slug, query);
            List<WebElement> links = page.findElements(By.xpath("//td[@class='issue-title']/a[contains(., '" + title + "')]"));
            if (links.isEmpty()) {
                sleep(500);
                return null;
            }
            return links.get(0);
        }, "an issue '" + title + "' under " + query);
    }

    static boolean issueListed(Browser browser, String slug, String query, String title) {
        showIssues(browser, slug, query);
        return browser.text().contains(title);
    }

    /** Opens the issue list with this search and waits until it shows issues or says there are none. */
    private static void showIssues(Browser browser, String slug, String query) {
        browser.go("/organizations/" + slug + "/issues/?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        browser.await(page -> page.findElements(By.cssSelector("[data-testid='issue-list'], .empty")).isEmpty() ? null
                : Boolean.TRUE, "the issue list");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends one exception the way an application does: Sentry's Java SDK, with the DSN read from the page. */
    static void sendWithJavaSdk(String dsn, String message, String breadcrumb) {
        Sentry.init(options -> {
            options.setDsn(dsn);
            options.setEnvironment("production");
            options.setEnableUncaughtExceptionHandler(false);
            options.setSendClientReports(false);
            options.addInAppInclude("io.silo.system");
        });
        try {
            Sentry.addBreadcrumb(Breadcrumb.navigation("/cart", breadcrumb));
            Sentry.captureException(new IllegalStateException(message));
            Sentry.flush(10_000);
        } finally {
            Sentry.close();
        }
    }

    @Test
    void signUpCreateAnOrganizationSendAnErrorFindItAndResolveIt(Topology topology) throws Exception {
        String region = topology.region();
        String canary = "canary" + UUID.randomUUID().toString().replace("-", "");
        try (Browser browser = Browser.open(control(topology))) {
            browser.go("/");
            browser.awaitText("Log in to Silo");
            browser.screenshot(shot(topology, "login"));
            signUp(browser, "Ada Lovelace");
            browser.type("Name", unique("Acme"));
            browser.choose("Data region", region);
            // a native select's open list is not drawn in a screenshot: show the choices as a list box for it
            browser.script("document.getElementById('organization-region').size = 3");
            browser.screenshot(shot(topology, "organization-create"));
            browser.script("document.getElementById('organization-region').size = 0");
            browser.click("Create organization");
            browser.await(page -> browser.path().endsWith("/projects/new/") ? Boolean.TRUE : null, "the new organization");
            String slug = browser.path().split("/")[2];

            String dsn = createProject(browser, "Checkout", "java");
            assertTrue(browser.byTestId("setup-snippet").getText().contains(dsn), "the snippet holds the real DSN");
            browser.screenshot(shot(topology, "project-settings"));

            sendWithJavaSdk(dsn, "card declined " + canary, "opened the cart " + canary);

            WebElement issue = awaitIssue(browser, slug, "is:unresolved level:error", "card declined " + canary);
            browser.screenshot(shot(topology, "issues"));
            issue.click();
            assertEquals("IllegalStateException", browser.byTestId("exception-type").getText());
            assertEquals("card declined " + canary, browser.byTestId("exception-value").getText());
            assertFalse(browser.driver().findElements(By.cssSelector(".frame.in-app")).isEmpty(), "an in-app frame is shown");
            assertTrue(browser.driver().findElement(By.cssSelector(".frame.in-app")).getText()
                    .contains("WebAppScenarios"), "the in-app frame is the test's own code");
            assertTrue(browser.byTestId("breadcrumbs").getText().contains("opened the cart " + canary), "the breadcrumb");
            browser.awaitText("environment");
            browser.screenshot(shot(topology, "issue-detail"));

            browser.click("Resolve");
            browser.await(page -> browser.byTestId("issue-status").getText().equals("resolved") ? Boolean.TRUE : null,
                    "the issue resolved");
            assertFalse(issueListed(browser, slug, "is:unresolved", canary), "gone from the unresolved issues");
            assertTrue(issueListed(browser, slug, "is:resolved", canary), "listed under is:resolved");
            assertFalse(browser.dialogOpen());
        }
        if (topology.isSplit()) {
            ControlHoldsNoCustomerData.check(topology, region, canary);
        }
    }

    @Test
    void keysMembersTokensAndBulkActionsWorkFromTheirPagesAlsoOnAPhone(Topology topology) throws Exception {
        try (Browser browser = Browser.open(control(topology))) {
            signUp(browser, "Linus Keys");
            String slug = createOrganization(browser, unique("Keys"), topology.region());
            String firstDsn = createProject(browser, "Mobile", "python");
            assertTrue(browser.byTestId("setup-snippet").getText().contains("sentry_sdk.init(dsn=\"" + firstDsn + "\""),
                    "the Python snippet with the DSN");

            browser.click("Change");
            browser.type("Events (empty: no limit)", "100");
            browser.type("per seconds", "60");
            browser.click("Save");
            browser.awaitText("100 per 60 s");
            browser.click("Disable");
            browser.awaitText("Enable");
            assertTrue(SentrySdk.storeWithDsn(firstDsn,
                    SentrySdk.exceptionEvent(SentrySdk.newEventId(), "Refused", "disabled key", "")).status() >= 400,
                    "a disabled key's events are refused");

            browser.type("New key name", "Second");
            browser.click("Add key");
            String secondDsn = browser.await(page -> {
                String value = browser.field("DSN").getAttribute("value");
                return value.equals(firstDsn) ? null : value;
            }, "the new key's DSN");
            String marker = unique("bulk");
            for (String type : List.of("FirstError", "SecondError")) {
                assertEquals(200, SentrySdk.storeWithDsn(secondDsn,
                        SentrySdk.exceptionEvent(SentrySdk.newEventId(), type, marker, "")).status());
            }
            awaitIssue(browser, slug, "is:unresolved " + marker, "SecondError");
            awaitIssue(browser, slug, "is:unresolved " + marker, "FirstError");
            for (WebElement box : browser.driver().findElements(By.cssSelector("[data-testid='issue-list'] tbody input"))) {
                box.click();
            }
            browser.awaitText("2 selected");
            browser.click("Resolve");
            browser.await(page -> !issueListed(browser, slug, "is:unresolved " + marker, marker) ? Boolean.TRUE : null,
                    "both issues resolved");
            assertTrue(issueListed(browser, slug, "is:resolved " + marker, "FirstError"));
            assertTrue(browser.text().contains("SecondError"));

            browser.click("Members");
            browser.type("Invite by email", unique("new") + "@example.com");
            browser.choose("Role", "admin");
            browser.click("Send invitation");
            browser.awaitText("invited");

            browser.go("/account/");
            browser.type("Token name", "deploys");
            browser.click("Create token");
            String token = browser.byTestId("new-token").getAttribute("value");
            browser.screenshot(shot(topology, "account"));
            Reply organizations = ApiClient.withToken(control(topology), token).get("/api/0/organizations/");
            assertEquals(200, organizations.status(), organizations.toString());
            assertTrue(organizations.body().contains("\"" + slug + "\""), "the token shown once works: " + organizations);

            browser.phone();
            browser.go("/organizations/" + slug + "/issues/?query=" + URLEncoder.encode("is:resolved", StandardCharsets.UTF_8));
            browser.awaitText("FirstError");
            assertEquals(0, browser.overflowWidth(), "nothing scrolls sideways at 390 px");
            browser.screenshot(shot(topology, "issues-phone"));
        }
    }

    @Test
    void eventHtmlAndScriptShowAsTextAndNothingRuns(Topology topology) throws Exception {
        try (Browser browser = Browser.open(control(topology))) {
            signUp(browser, "Mallory Tester");
            String slug = createOrganization(browser, unique("Xss"), topology.region());
            String dsn = createProject(browser, "Frontend", "javascript");
            String marker = unique("xss");
            String event = "{\"event_id\":\"" + SentrySdk.newEventId() + "\",\"level\":\"error\",\"platform\":\"javascript\","
                    + "\"message\":\"<img src=x onerror=alert(1)> " + marker + "\","
                    + "\"tags\":{\"browser\":\"<script>alert(2)</script>\"},"
                    + "\"breadcrumbs\":{\"values\":[{\"category\":\"ui\",\"message\":\"<svg onload=alert(3)>\"}]},"
                    + "\"exception\":{\"values\":[{\"type\":\"TypeError\",\"value\":\"<b>bold</b> " + marker + "\","
                    + "\"stacktrace\":{\"frames\":[{\"filename\":\"<iframe src=javascript:alert(4)>\",\"function\":\"<i>f</i>\","
                    + "\"lineno\":1,\"in_app\":true,\"context_line\":\"<script>alert(5)</script>\"}]}}]}}";
            Reply stored = SentrySdk.storeWithDsn(dsn, event);
            assertEquals(200, stored.status(), stored.toString());

            awaitIssue(browser, slug, "is:unresolved", marker).click();
            browser.awaitText("<b>bold</b> " + marker);
            String page = browser.text();
            for (String shown : List.of("<img src=x onerror=alert(1)> " + marker, "<script>alert(2)</script>",
                    "<svg onload=alert(3)>", "<iframe src=javascript:alert(4)>", "<script>alert(5)</script>")) {
                assertTrue(page.contains(shown), "shown as text: " + shown);
            }
            assertFalse(browser.dialogOpen(), "no script ran");
            assertEquals(0, browser.driver().findElements(By.cssSelector(
                    "#app img[src='x'], #app script, #app svg, #app iframe, #app b, #app i")).size(), "no element injected");
        }
    }

    @Test
    void anExpiredSessionReturnsToTheLoginPageAndThenToWhereThePersonWas(Topology topology) throws Exception {
        try (Browser browser = Browser.open(control(topology))) {
            String email = signUp(browser, "Grace Hopper");
            String slug = createOrganization(browser, unique("Navy"), topology.region());
            browser.go("/organizations/" + slug + "/teams/");
            browser.awaitText("Create team");
            browser.driver().manage().deleteCookieNamed("silo_session");
            browser.driver().manage().addCookie(new Cookie("silo_session", "expired-" + UUID.randomUUID(), "/"));

            browser.click("Members");
            browser.byTestId("session-expired");
            logIn(browser, email, PASSWORD);
            browser.await(page -> browser.path().equals("/organizations/" + slug + "/members/") ? Boolean.TRUE : null,
                    "back on the members page");
            browser.awaitText("Send invitation");
        }
    }

    @Test
    void aDeepLinkIsTheAppsPageWithTheSecurityHeaders(Topology topology) {
        HttpResponse<String> page = Http.get(control(topology), "/organizations/acme/issues/123/");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("/assets/js/main.js"), "the app's page");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        HttpResponse<String> library = Http.get(control(topology), "/webjars/preact/dist/preact.module.js");
        assertEquals(200, library.statusCode());
        assertTrue(library.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, Http.get(control(topology), "/assets/no-such-file.js").statusCode());
    }

    @Test
    void aDeepLinkOpenedLoggedOutLeadsThroughTheLoginBackToItsPage(Topology topology) {
        try (Browser browser = Browser.open(control(topology))) {
            String email = signUp(browser, "Katherine Johnson");
            String slug = createOrganization(browser, unique("Orbit"), topology.region());
            browser.click("Log out");
            browser.awaitText("Log in to Silo");

            browser.go("/organizations/" + slug + "/teams/");
            browser.awaitText("Log in to Silo");
            assertTrue(browser.path().startsWith("/login/?next="), browser.path());
            logIn(browser, email, PASSWORD);
            browser.await(page -> browser.path().equals("/organizations/" + slug + "/teams/") ? Boolean.TRUE : null,
                    "back on the teams page");
            browser.awaitText("Create team");
        }
    }
}
