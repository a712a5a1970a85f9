package io.silo.region.event.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.service.IssueCounters;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores normalized events in the caller's transaction: the event row (once per event id and project: a
 * repeated id changes nothing), its issue's counters, and the environment and release it names (created on
 * first sight: the organization's release and its link to the project, whose first and last event it
 * moves, the last to the minute: an UPDATE whose condition rarely holds locks no row, so events of one release do not
 * queue on its row as they do on their issue's). Native SQL, because each of these is an {@code INSERT … ON CONFLICT} that JPA cannot say.
 *
 * <p>Every event of an issue updates the issue's row, whose lock is held until the transaction commits, so the
 * events of one issue are stored one after the other, each waiting for the previous one's commit. That is why
 * the issue's upsert comes last. With {@code silo.ingest.synchronous-commit=false} (not the default) ingestion
 * transactions commit asynchronously ({@code synchronous_commit = off}): the commit, and with it the lock, no
 * longer waits for the WAL flush, at the price of losing the events acknowledged in the last moments (at most
 * three {@code wal_writer_delay}s) if PostgreSQL itself crashes. Durable by default: a database failure must not
 * lose accepted data.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EventStore {

    /** The issue this event's fingerprint names, if any; and the transaction's commit mode. */
    private static final String PREPARE = "SELECT (SELECT id FROM region.issue WHERE project_id = ? AND fingerprint_hash = ?),"
            + " set_config('synchronous_commit', ?, true)";

    /**
     * The event (once per event id), and only if it is new its environment, release and the issue's user: one
     * statement, so one round trip before the issue's row is locked.
     */
    private static final String INSERT = """
            WITH stored AS (
                INSERT INTO region.event (id, event_id, organization_id, project_id, issue_id, occurred_at, level,
                                          platform, environment, release, title, message, exception_type,
                                          exception_value, user_key, tags, top_frames, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb))
                ON CONFLICT (project_id, event_id) DO NOTHING
                RETURNING organization_id, project_id, issue_id, environment, release, user_key, occurred_at),
            environment AS (
                INSERT INTO region.environment (id, organization_id, project_id, name)
                SELECT ?, organization_id, project_id, environment FROM stored WHERE environment IS NOT NULL
                ON CONFLICT (project_id, name) DO NOTHING),
            release AS (
                INSERT INTO region.release (id, organization_id, version)
                SELECT ?, organization_id, release FROM stored WHERE release IS NOT NULL
                ON CONFLICT (organization_id, version) DO NOTHING),
            release_project AS (
                INSERT INTO region.release_project (id, organization_id, project_id, version, first_event, last_event)
                SELECT ?, organization_id, project_id, release, occurred_at, occurred_at FROM stored
                WHERE release IS NOT NULL
                ON CONFLICT (project_id, version) DO NOTHING),
            release_seen AS (
                UPDATE region.release_project r
                   SET first_event = least(coalesce(r.first_event, s.occurred_at), s.occurred_at),
                       last_event = greatest(coalesce(r.last_event, s.occurred_at), s.occurred_at)
                  FROM stored s
                 WHERE r.project_id = s.project_id AND r.version = s.release
                   AND (r.last_event IS NULL OR r.last_event < s.occurred_at - interval '1 minute'
                        OR r.first_event > s.occurred_at)),
            affected AS (
                INSERT INTO region.issue_user (issue_id, user_key)
                SELECT issue_id, user_key FROM stored WHERE user_key IS NOT NULL
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT (SELECT count(*) FROM stored), (SELECT count(*) FROM affected)""";

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    IdGenerator ids;

    @Inject
    @ConfigProperty(name = "silo.ingest.synchronous-commit", defaultValue = "true")
    boolean synchronousCommit;

    /** @return whether the event was new (false: an event of this id was stored before, nothing changed) */
    public boolean store(long organizationId, long projectId, NormalizedEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            // one snowflake per event: the event's id, and the id of the issue, environment and release rows it
            // creates (each table has its own key space, and no other row of these tables takes this id)
            long id = ids.nextId();
            long issueId = prepare(connection, projectId, event.fingerprintHash(), id);
            boolean newUser;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bindEvent(insert, id, organizationId, projectId, issueId, event);
                insert.setLong(19, id);
                insert.setLong(20, id);
                insert.setLong(21, id);
                try (ResultSet counts = insert.executeQuery()) {
                    counts.next();
                    if (counts.getLong(1) == 0) {
                        return false;
                    }
                    newUser = counts.getLong(2) == 1;
                }
            }
            // last: the issue's row stays locked until commit, and every event of the issue waits for it
            long countedIn = IssueCounters.count(connection, issueId, id, newUser, organizationId, projectId, event);
            if (countedIn != issueId) {
                try (PreparedStatement move = connection.prepareStatement("UPDATE region.event SET issue_id = ? WHERE id = ?")) {
                    move.setLong(1, countedIn);
                    move.setLong(2, id);
                    move.executeUpdate();
                }
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing event " + event.eventIdHex() + " failed", e);
        }
    }

    /** The id of the project's issue of this fingerprint, or {@code newIssueId} when there is none yet. */
    private long prepare(Connection connection, long projectId, String fingerprintHash, long newIssueId)
            throws SQLException {
        try (PreparedStatement prepare = connection.prepareStatement(PREPARE)) {
            prepare.setLong(1, projectId);
            prepare.setString(2, fingerprintHash);
            prepare.setString(3, synchronousCommit ? "on" : "off");
            try (ResultSet row = prepare.executeQuery()) {
                row.next();
                long existing = row.getLong(1);
                return row.wasNull() ? newIssueId : existing;
            }
        }
    }

    private static void bindEvent(PreparedStatement insert, long id, long organizationId, long projectId, long issueId,
                                  NormalizedEvent event) throws SQLException {
        insert.setLong(1, id);
        insert.setObject(2, event.eventId());
        insert.setLong(3, organizationId);
        insert.setLong(4, projectId);
        insert.setLong(5, issueId);
        insert.setObject(6, event.occurredAt());
        insert.setString(7, event.level());
        insert.setString(8, event.platform());
        insert.setString(9, event.environment());
        insert.setString(10, event.release());
        insert.setString(11, event.title());
        insert.setString(12, event.message());
        insert.setString(13, event.exceptionType());
        insert.setString(14, event.exceptionValue());
        insert.setString(15, event.userKey());
        insert.setString(16, event.tagsJson());
        insert.setString(17, event.topFramesJson());
        insert.setString(18, event.bodyJson());
    }
}
