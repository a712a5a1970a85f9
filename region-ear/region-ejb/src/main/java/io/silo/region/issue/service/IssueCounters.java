package io.silo.region.issue.service;

import io.silo.region.event.service.NormalizedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An issue's counters, kept in the transaction that stores each of its events: one upsert per event that
 * creates the issue or counts the event (times seen + 1, first and last seen widened, level, title and culprit
 * of the latest event, first and last release, a resolved issue unresolved again), safe under concurrent events of one fingerprint
 * because PostgreSQL serializes them on the issue's unique key. Each change raises the row's version, as JPA's
 * optimistic check expects. An issue the upsert creates takes its project's next number (its short id) in the same
 * transaction; creations of new issues in one project take turns on the project's counter until they commit.
 */
public final class IssueCounters {

    private static final String COUNT = """
            INSERT INTO region.issue AS i (id, organization_id, project_id, fingerprint_hash, title, culprit, level,
                                           platform, status, first_seen, last_seen, times_seen, user_count, version,
                                           first_release, last_release)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unresolved', ?, ?, 1, ?, 1, ?, ?)
            ON CONFLICT (project_id, fingerprint_hash) DO UPDATE SET
                times_seen = i.times_seen + 1,
                user_count = i.user_count + CASE WHEN i.id = ? THEN EXCLUDED.user_count ELSE 0 END,
                first_seen = least(i.first_seen, EXCLUDED.first_seen),
                last_seen = greatest(i.last_seen, EXCLUDED.last_seen),
                level = CASE WHEN EXCLUDED.last_seen >= i.last_seen THEN EXCLUDED.level ELSE i.level END,
                title = CASE WHEN EXCLUDED.last_seen >= i.last_seen THEN EXCLUDED.title ELSE i.title END,
                culprit = CASE WHEN EXCLUDED.last_seen >= i.last_seen THEN EXCLUDED.culprit ELSE i.culprit END,
                platform = coalesce(i.platform, EXCLUDED.platform),
                first_release = CASE WHEN i.first_release IS NULL OR EXCLUDED.first_seen < i.first_seen
                                     THEN coalesce(EXCLUDED.first_release, i.first_release) ELSE i.first_release END,
                last_release = CASE WHEN i.last_release IS NULL OR EXCLUDED.last_seen >= i.last_seen
                                    THEN coalesce(EXCLUDED.last_release, i.last_release) ELSE i.last_release END,
                status = CASE WHEN i.status = 'resolved' THEN 'unresolved' ELSE i.status END,
                version = i.version + 1
            RETURNING id, xmax = 0""";

    /** The project's next issue number, given to an issue just inserted (see migration V14). */
    private static final String NUMBER = """
            WITH next AS (
                INSERT INTO region.project_issue_counter AS c (project_id, last_number) VALUES (?, 1)
                ON CONFLICT (project_id) DO UPDATE SET last_number = c.last_number + 1
                RETURNING last_number)
            UPDATE region.issue SET short_number = (SELECT last_number FROM next) WHERE id = ?""";

    private static final String ADD_USER = "INSERT INTO region.issue_user (issue_id, user_key) VALUES (?, ?)"
            + " ON CONFLICT DO NOTHING";

    private static final String COUNT_USER = "UPDATE region.issue SET user_count = user_count + 1,"
            + " version = version + 1 WHERE id = ?";

    private IssueCounters() {
    }

    /**
     * Counts a stored event in the issue the caller expected ({@code expectedIssueId}, where it recorded the
     * event's user, {@code newUser} when the user was new to it), creating the issue as {@code newIssueId} if
     * there is none; returns the issue's id, which differs from the expected one only when another transaction
     * created the issue meanwhile: then the user recorded in the expected issue is neither counted by the upsert
     * nor kept, but recorded and counted in the real one if new to it (concurrent first events of a fingerprint
     * counted users twice before, seen with two instances). The insert never reuses an existing issue's id: the upsert resolves conflicts on the
     * fingerprint only, and a concurrent one on the primary key would fail instead (seen under load).
     */
    public static long count(Connection connection, long expectedIssueId, long newIssueId, boolean newUser,
                             long organizationId, long projectId, NormalizedEvent event) throws SQLException {
        long issueId;
        boolean created;
        try (PreparedStatement upsert = connection.prepareStatement(COUNT)) {
            upsert.setLong(1, newIssueId);
            upsert.setLong(2, organizationId);
            upsert.setLong(3, projectId);
            upsert.setString(4, event.fingerprintHash());
            upsert.setString(5, event.title());
            upsert.setString(6, event.culprit());
            upsert.setString(7, event.level());
            upsert.setString(8, event.platform());
            upsert.setObject(9, event.occurredAt());
            upsert.setObject(10, event.occurredAt());
            upsert.setLong(11, newUser ? 1 : 0);
            upsert.setString(12, event.release());
            upsert.setString(13, event.release());
            upsert.setLong(14, expectedIssueId);
            try (ResultSet row = upsert.executeQuery()) {
                row.next();
                issueId = row.getLong(1);
                created = row.getBoolean(2);
            }
        }
        if (created) {
            try (PreparedStatement number = connection.prepareStatement(NUMBER)) {
                number.setLong(1, projectId);
                number.setLong(2, issueId);
                number.executeUpdate();
            }
        }
        if (issueId != expectedIssueId && event.userKey() != null) {
            try (PreparedStatement misplaced = connection.prepareStatement(
                    "DELETE FROM region.issue_user WHERE issue_id = ? AND user_key = ?")) {
                misplaced.setLong(1, expectedIssueId);
                misplaced.setString(2, event.userKey());
                misplaced.executeUpdate();
            }
            if (addUser(connection, issueId, event.userKey())) {
                try (PreparedStatement countUser = connection.prepareStatement(COUNT_USER)) {
                    countUser.setLong(1, issueId);
                    countUser.executeUpdate();
                }
            }
        }
        return issueId;
    }

    private static boolean addUser(Connection connection, long issueId, String userKey) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(ADD_USER)) {
            add.setLong(1, issueId);
            add.setString(2, userKey);
            return add.executeUpdate() == 1;
        }
    }
}
