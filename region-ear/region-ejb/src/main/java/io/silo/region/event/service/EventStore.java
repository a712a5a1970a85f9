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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Stores normalized events in the caller's transaction: the event row (once per event id and project: a
 * repeated id changes nothing), its issue's counters, and the environment and release it names (created on
 * first sight). Native SQL, because each of these is an {@code INSERT … ON CONFLICT} that JPA cannot say.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class EventStore {

    private static final String INSERT_EVENT = """
            INSERT INTO region.event (id, event_id, organization_id, project_id, issue_id, occurred_at, level, platform,
                                      environment, release, title, message, exception_type, exception_value,
                                      user_key, tags, top_frames, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb))
            ON CONFLICT (project_id, event_id) DO NOTHING""";

    private static final String SEE_ENVIRONMENT = "INSERT INTO region.environment (id, organization_id, project_id, name)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (project_id, name) DO NOTHING";

    private static final String SEE_RELEASE = "INSERT INTO region.release (id, organization_id, project_id, version)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (project_id, version) DO NOTHING";

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @EJB
    IdGenerator ids;

    /** @return whether the event was new (false: an event of this id was stored before, nothing changed) */
    public boolean store(long organizationId, long projectId, NormalizedEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            long issueId = IssueCounters.expectedIssueId(connection, projectId, event.fingerprintHash(), ids.nextId());
            long id = ids.nextId();
            if (!insertEvent(connection, id, organizationId, projectId, issueId, event)) {
                return false;
            }
            long countedIn = IssueCounters.count(connection, issueId, organizationId, projectId, event);
            if (countedIn != issueId) {
                try (PreparedStatement move = connection.prepareStatement("UPDATE region.event SET issue_id = ? WHERE id = ?")) {
                    move.setLong(1, countedIn);
                    move.setLong(2, id);
                    move.executeUpdate();
                }
            }
            if (event.environment() != null) {
                see(connection, SEE_ENVIRONMENT, organizationId, projectId, event.environment());
            }
            if (event.release() != null) {
                see(connection, SEE_RELEASE, organizationId, projectId, event.release());
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Storing event " + event.eventIdHex() + " failed", e);
        }
    }

    private boolean insertEvent(Connection connection, long id, long organizationId, long projectId, long issueId,
                                NormalizedEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
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
            return insert.executeUpdate() == 1;
        }
    }

    private void see(Connection connection, String sql, long organizationId, long projectId, String name)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, ids.nextId());
            insert.setLong(2, organizationId);
            insert.setLong(3, projectId);
            insert.setString(4, name);
            insert.executeUpdate();
        }
    }
}
