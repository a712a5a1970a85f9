package io.silo.system.issues;

import static io.silo.system.issues.IssueFixtures.event;
import static io.silo.system.issues.IssueFixtures.execute;
import static io.silo.system.issues.IssueFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Database;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.Topology;
import io.silo.system.issues.IssueFixtures.Project;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Retention: in an organization that keeps events one day, the job deletes events received before that and
 * issues left without events whose last event is that old, and keeps the rest; an organization with the
 * default retention (90 days) keeps its ten-day-old events.
 */
public abstract class RetentionScenarios {

    @Test
    void eventsPastTheirOrganizationsRetentionAreDeletedAndTheRestKept(Topology topology) throws Exception {
        Organizations.Owner shortLived = Organizations.create(topology, topology.regionServer(), "retained");
        Organizations.Owner defaulted = Organizations.create(topology, topology.regionServer(), "defaulted");
        execute(topology, topology.regionServer(), "UPDATE region.organization SET retention_days = 1 WHERE id = ?",
                shortLived.organizationId());
        Project expiring = IssueFixtures.project(topology, topology.regionServer(), shortLived);
        Project kept = IssueFixtures.project(topology, topology.regionServer(), defaulted);
        Instant now = Instant.now();

        String goneA = send(topology, topology.regionServer(), expiring, event("gone", now, "error", "gone entirely").build());
        String goneB = send(topology, topology.regionServer(), expiring, event("gone", now, "error", "gone entirely").build());
        String oldOfMixed = send(topology, topology.regionServer(), expiring, event("mixed", now, "error", "mixed ages").build());
        String newOfMixed = send(topology, topology.regionServer(), expiring, event("mixed", now, "error", "mixed ages").build());
        String tenDaysOld = send(topology, topology.regionServer(), kept, event("kept", now, "error", "default retention").build());
        age(topology, expiring, 3, goneA, goneB, oldOfMixed);
        age(topology, kept, 10, tenDaysOld);
        execute(topology, topology.regionServer(), "UPDATE region.issue SET first_seen = now() - interval '3 days',"
                + " last_seen = now() - interval '3 days' WHERE project_id = ? AND title = 'gone entirely'", expiring.id());
        execute(topology, topology.regionServer(), "UPDATE region.issue SET first_seen = now() - interval '10 days',"
                + " last_seen = now() - interval '10 days' WHERE project_id = ?", kept.id());

        Reply run = ApiClient.anonymous(topology.url(topology.regionServer())).post("/api/0/internal/testing/retention/run", "");
        assertEquals(200, run.status(), run.toString());
        assertTrue(run.json().getJsonNumber("eventsDeleted").longValue() >= 3, run.toString());
        assertTrue(run.json().getJsonNumber("issuesDeleted").longValue() >= 1, run.toString());

        assertEquals(newOfMixed, Database.queryOne(topology, topology.regionServer(), "SELECT string_agg(replace(CAST(event_id AS text),"
                + " '-', ''), ',') FROM region.event WHERE project_id = ?", expiring.id()), "only the recent event is left");
        assertEquals("mixed ages", Database.queryOne(topology, topology.regionServer(), "SELECT string_agg(title, ',')"
                + " FROM region.issue WHERE project_id = ?", expiring.id()), "the issue without events is gone");
        assertEquals("1|default retention", Database.queryOne(topology, topology.regionServer(), "SELECT (SELECT count(*)"
                + " FROM region.event WHERE project_id = ?) || '|' || (SELECT string_agg(title, ',') FROM region.issue"
                + " WHERE project_id = ?)", kept.id(), kept.id()), "the default retention keeps ten-day-old events");

        Reply again = ApiClient.anonymous(topology.url(topology.regionServer())).post("/api/0/internal/testing/retention/run", "");
        assertEquals(200, again.status(), again.toString());
        assertEquals("1", Database.queryOne(topology, topology.regionServer(), "SELECT count(*) FROM region.event WHERE project_id = ?",
                expiring.id()), "a second run finds nothing more to delete");
        assertEquals(404, shortLived.api().get("/api/0/projects/" + shortLived.slug() + "/" + expiring.slug()
                + "/events/" + goneA + "/").status(), "a deleted event is not found");
        assertEquals(200, shortLived.api().get("/api/0/projects/" + shortLived.slug() + "/" + expiring.slug()
                + "/events/" + newOfMixed + "/").status());
    }

    @Test
    void instancesRunningRetentionAtOnceShareTheWorkAndLeaveNothingExpired(Topology topology) throws Exception {
        String second = topology.regionServer() + "-2";
        Assumptions.assumeTrue(topology.servers().contains(second), "needs a second instance of " + topology.regionServer());
        Organizations.Owner owner = Organizations.create(topology, topology.regionServer(), "concurrent");
        execute(topology, topology.regionServer(), "UPDATE region.organization SET retention_days = 1 WHERE id = ?", owner.organizationId());
        Project project = IssueFixtures.project(topology, topology.regionServer(), owner);
        String first = send(topology, topology.regionServer(), project, event("many", Instant.now(), "error", "many events").build());
        int copies = 12_000;
        assertEquals(copies, execute(topology, topology.regionServer(), """
                INSERT INTO region.event (id, event_id, organization_id, project_id, issue_id, occurred_at, received_at,
                                          level, platform, environment, release, title, message, exception_type,
                                          exception_value, user_key, tags, top_frames, body)
                SELECT e.id + g, gen_random_uuid(), e.organization_id, e.project_id, e.issue_id, e.occurred_at,
                       e.received_at, e.level, e.platform, e.environment, e.release, e.title, e.message,
                       e.exception_type, e.exception_value, e.user_key, e.tags, e.top_frames, e.body
                  FROM region.event e, generate_series(1, ?) g
                 WHERE e.project_id = ? AND e.event_id = CAST(? AS uuid)""", copies, project.id(), first));
        execute(topology, topology.regionServer(), "UPDATE region.event SET received_at = now() - interval '2 days' WHERE project_id = ?",
                project.id());

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Reply>> runs = List.of(topology.regionServer(), second).stream().map(server -> both.submit(() ->
                    ApiClient.anonymous(topology.url(server)).post("/api/0/internal/testing/retention/run", ""))).toList();
            long deleted = 0;
            for (Future<Reply> run : runs) {
                Reply reply = run.get(5, TimeUnit.MINUTES);
                assertEquals(200, reply.status(), reply.toString());
                deleted += reply.json().getJsonNumber("eventsDeleted").longValue();
            }
            assertEquals("0", Database.queryOne(topology, topology.regionServer(),
                    "SELECT count(*) FROM region.event WHERE project_id = ?", project.id()), "every expired event is gone");
            assertTrue(deleted <= copies + 1, "no event counted by both instances: " + deleted);
        } finally {
            both.shutdownNow();
        }
    }

    /** Makes the events {@code days} old, as if received then. */
    private void age(Topology topology, Project project, int days, String... eventIds) throws Exception {
        for (String eventId : eventIds) {
            assertEquals(1, execute(topology, topology.regionServer(),
                    "UPDATE region.event SET received_at = now() - make_interval(days => ?),"
                            + " occurred_at = now() - make_interval(days => ?) WHERE project_id = ? AND event_id = CAST(? AS uuid)",
                    days, days, project.id(), eventId));
        }
    }
}
