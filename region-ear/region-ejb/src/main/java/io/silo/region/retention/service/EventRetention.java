package io.silo.region.retention.service;

import io.silo.common.persistence.OutageLog;
import io.silo.common.silo.RegionSilo;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Deletes the events an organization no longer keeps — received more than its retention ago
 * ({@code organization.retention_days}, else {@code silo.events.retention-days}) — and then its issues left
 * without events whose last event is that old too. Each batch of at most {@code silo.events.retention-batch}
 * rows is its own transaction, and takes its rows with {@code FOR UPDATE SKIP LOCKED}: every instance runs the
 * job at once, each deleting rows the others have not taken, and none holds locks for long.
 * Counters {@code silo_retention_events_deleted} and {@code silo_retention_issues_deleted}, per instance.
 */
@Stateless
@RegionSilo
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());
    private static final OutageLog OUTAGE = new OutageLog(LOG, "Event retention");
    private static final String EVENTS_DELETED = "silo_retention_events_deleted";
    private static final String ISSUES_DELETED = "silo_retention_issues_deleted";

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @Resource
    SessionContext context;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "silo.events.retention-days", defaultValue = "90")
    int defaultRetentionDays;

    @Inject
    @ConfigProperty(name = "silo.events.retention-batch", defaultValue = "5000")
    int batchSize;

    @Schedule(minute = "*/10", hour = "*", persistent = false)
    void scheduled() {
        try {
            RetentionReport report = run();
            if (report.eventsDeleted() + report.issuesDeleted() > 0) {
                LOG.info(() -> "Retention deleted " + report.eventsDeleted() + " events and " + report.issuesDeleted()
                        + " issues");
            }
            OUTAGE.succeeded();
        } catch (RuntimeException e) {
            OUTAGE.failed(e, "Retention run failed; the next run starts over");
        }
    }

    /** One pass over every organization of the region. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetentionReport run() {
        EventRetention self = context.getBusinessObject(EventRetention.class);
        @SuppressWarnings("unchecked")
        List<Object[]> organizations = entityManager.createNativeQuery(
                "SELECT id, COALESCE(retention_days, ?1) FROM region.organization")
                .setParameter(1, defaultRetentionDays)
                .getResultList();
        long events = 0;
        long issues = 0;
        for (Object[] organization : organizations) {
            long organizationId = ((Number) organization[0]).longValue();
            int days = ((Number) organization[1]).intValue();
            events += untilShort(() -> self.deleteEvents(organizationId, days));
            issues += untilShort(() -> self.deleteIssues(organizationId, days));
        }
        count(EVENTS_DELETED, "Events deleted by retention", events);
        count(ISSUES_DELETED, "Issues without events deleted by retention", issues);
        return new RetentionReport(events, issues);
    }

    /** One batch of the organization's events received more than {@code days} ago; how many were deleted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteEvents(long organizationId, int days) {
        return entityManager.createNativeQuery("""
                        DELETE FROM region.event WHERE id IN (
                            SELECT id FROM region.event
                             WHERE organization_id = ?1 AND received_at < now() - CAST(?2 AS integer) * interval '1 day'
                             LIMIT ?3 FOR UPDATE SKIP LOCKED)
                        """)
                .setParameter(1, organizationId)
                .setParameter(2, days)
                .setParameter(3, batchSize)
                .executeUpdate();
    }

    /** One batch of the organization's issues without events, last seen more than {@code days} ago. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteIssues(long organizationId, int days) {
        return entityManager.createNativeQuery("""
                        DELETE FROM region.issue WHERE id IN (
                            SELECT i.id FROM region.issue i
                             WHERE i.organization_id = ?1 AND i.last_seen < now() - CAST(?2 AS integer) * interval '1 day'
                               AND NOT EXISTS (SELECT 1 FROM region.event e WHERE e.issue_id = i.id)
                             LIMIT ?3 FOR UPDATE SKIP LOCKED)
                        """)
                .setParameter(1, organizationId)
                .setParameter(2, days)
                .setParameter(3, batchSize)
                .executeUpdate();
    }

    /** Repeats a batch until one comes back short: the rest is gone or another instance holds it. */
    private long untilShort(java.util.function.IntSupplier batch) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }

    private void count(String name, String description, long deleted) {
        registry.counter(Metadata.builder().withName(name).withDescription(description).build()).inc(deleted);
    }
}
