package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.Browser;
import io.silo.system.harness.OutboxTopologyTest;
import io.silo.system.harness.Topology;
import io.silo.system.webapp.AdminConsoleScenarios;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Dead letters on the operators' outbox page (the outbox topology: its brokers park a failing message within
 * seconds). Region us's replica table refuses two names, as a schema that drifted would; each rename lands in us's
 * dead-letter queue and shows on the page; once the cause is gone, Replay from the page applies the first exactly
 * where it belongs, and Discard removes the second. Both go through control's address only.
 */
@OutboxTopologyTest
class DeadLetterPageIT {

    @Test
    void aPoisonedMessageShowsUpIsReplayedOnceTheCauseIsGoneAndAnotherIsDiscarded(Topology topology) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String replayed = "Page poison " + run;
        String discarded = "Page discard " + run;
        List<ChangeWriter.Account> accounts = ChangeWriter.signUp(topology, 2, "page-poison");
        ReplicaCheck.awaitReplicated(topology, ReplicaCheck.ids(accounts), Duration.ofSeconds(30));
        execute(topology, "ALTER TABLE region.user_replica ADD CONSTRAINT test_page_poison CHECK (name NOT IN ('"
                + replayed + "', '" + discarded + "')) NOT VALID");
        try (Browser browser = AdminConsoleScenarios.operatorBrowser(topology)) {
            assertEquals(200, ChangeWriter.rename(accounts.get(0), replayed).status());
            assertEquals(200, ChangeWriter.rename(accounts.get(1), discarded).status());
            browser.go("/admin/outbox/");
            WebElement first = deadLetter(browser, accounts.get(0).userId());
            deadLetter(browser, accounts.get(1).userId());
            assertTrue(first.getText().contains("USER_REPLICA"), first.getText());
            browser.screenshot(topology.kind().name().toLowerCase(java.util.Locale.ROOT) + "-admin-dead-letters");

            execute(topology, "ALTER TABLE region.user_replica DROP CONSTRAINT test_page_poison");
            // found again: the page redraws every 5 s
            deadLetter(browser, accounts.get(0).userId()).findElement(By.xpath(".//button[normalize-space(.)='Replay']")).click();
            browser.confirm();
            assertTrue(browser.byTestId("outbox-outcome").getText().startsWith("Replayed"));
            browser.await(page -> rows(page, accounts.get(0).userId()).isEmpty() ? Boolean.TRUE : null, "the replayed one gone",
                    Duration.ofSeconds(60));
            assertEquals(replayed, ReplicaCheck.query(topology, "region-us",
                    "SELECT max(name) FROM region.user_replica WHERE id = ANY (?)", List.of(accounts.get(0).userId())),
                    "applied once the cause was gone");

            deadLetter(browser, accounts.get(1).userId()).findElement(By.xpath(".//button[normalize-space(.)='Discard']")).click();
            browser.confirm();
            browser.await(page -> rows(page, accounts.get(1).userId()).isEmpty() ? Boolean.TRUE : null, "the discarded one gone");
            assertTrue(!discarded.equals(ReplicaCheck.query(topology, "region-us",
                    "SELECT max(name) FROM region.user_replica WHERE id = ANY (?)", List.of(accounts.get(1).userId()))),
                    "a discarded message is never applied");
        } finally {
            execute(topology, "ALTER TABLE region.user_replica DROP CONSTRAINT IF EXISTS test_page_poison");
        }
    }

    private static WebElement deadLetter(Browser browser, long userId) {
        return browser.await(page -> rows(page, userId).stream().findFirst().orElse(null),
                "user " + userId + "'s dead letter on the page", Duration.ofSeconds(90));
    }

    private static List<WebElement> rows(org.openqa.selenium.WebDriver page, long userId) {
        return page.findElements(By.cssSelector("[data-testid='dead-letters-us'] tr[data-shard='" + userId + "']"));
    }

    private static void execute(Topology topology, String sql) throws Exception {
        try (Connection connection = topology.connectAsAdmin("region_us"); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
