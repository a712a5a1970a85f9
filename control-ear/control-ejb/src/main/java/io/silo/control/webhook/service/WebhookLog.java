package io.silo.control.webhook.service;

import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What control did with the webhooks it received, for operators: those routed (with their regions) and the
 * unroutable ones, newest first, cursor-paginated; and the hourly sweep that keeps both to
 * {@code silo.webhooks.log-retention-days}. Every control instance sweeps; deleting what another deleted is harmless.
 */
@Stateless
@ControlSilo
public class WebhookLog {

    private static final Logger LOG = Logger.getLogger(WebhookLog.class.getName());

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "silo.webhooks.log-retention-days", defaultValue = "7")
    int retentionDays;

    /** One webhook: its delivery id, provider, installation, event, the regions it went to or why none. */
    public record Entry(long id, String provider, String externalId, String eventType, List<String> regions,
                        String reason, Instant receivedAt) {
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CursorPage<Entry> routed(String provider, Cursor cursor, int limit) {
        return page("SELECT id, provider, external_id, event_type, regions, NULL,"
                + " CAST(extract(epoch FROM received_at) * 1000 AS bigint) FROM control.webhook_delivery", provider, cursor, limit);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CursorPage<Entry> unroutable(String provider, Cursor cursor, int limit) {
        return page("SELECT id, provider, external_id, event_type, '', reason,"
                + " CAST(extract(epoch FROM received_at) * 1000 AS bigint) FROM control.unroutable_webhook", provider, cursor, limit);
    }

    private CursorPage<Entry> page(String select, String provider, Cursor cursor, int limit) {
        NativeSql sql = new NativeSql().append(select);
        sql.append(" WHERE id " + (cursor.backwards() ? ">" : "<") + " " + sql.bind(cursor.id()));
        if (provider != null && !provider.isBlank()) {
            sql.append(" AND provider = " + sql.bind(provider.strip()));
        }
        sql.append(" ORDER BY id " + (cursor.backwards() ? "ASC" : "DESC") + " LIMIT " + sql.bind(limit + 1));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        List<Entry> entries = rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), (String) row[1],
                (String) row[2], (String) row[3], regions((String) row[4]), (String) row[5],
                Instant.ofEpochMilli(((Number) row[6]).longValue()))).toList();
        return CursorPage.of(cursor, limit, entries, Entry::id);
    }

    private static List<String> regions(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** Hourly; a failure (the database down) is logged by the container and the next hour tries again. */
    @Schedule(minute = "17", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void sweep() {
        int deleted = 0;
        for (String table : List.of("control.webhook_delivery", "control.unroutable_webhook")) {
            deleted += entityManager.createNativeQuery("DELETE FROM " + table
                    + " WHERE received_at < now() - make_interval(days => ?1)").setParameter(1, retentionDays)
                    .executeUpdate();
        }
        int total = deleted;
        if (total > 0) {
            LOG.info(() -> "Deleted " + total + " webhook log rows older than " + retentionDays + " days");
        }
    }
}
