package io.silo.region.ingest.service;

import io.silo.common.persistence.OutageLog;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Problem;
import io.silo.region.projectkey.model.ProjectKey;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A key's rate limit ({@link ProjectKey#rateLimitCount()} events per {@link ProjectKey#rateLimitWindowSeconds()}),
 * counted in the region's database so that every instance shares the count: one row per key and fixed window,
 * raised by an upsert that does not pass the limit, in a transaction of its own (the counter's row lock is held
 * for one statement, not for the storing of the events). Events over the limit are refused with 429, a
 * {@code Retry-After} until the window ends and {@code X-Sentry-Rate-Limits: <seconds>:error;default:key}, which
 * the SDKs read to stop sending errors until then; they are not counted.
 */
@Stateless
@RegionSilo
public class IngestRateLimiter {

    private static final Logger LOG = Logger.getLogger(IngestRateLimiter.class.getName());
    private static final OutageLog OUTAGE = new OutageLog(LOG, "Rate-limit window cleanup");
    static final String CATEGORIES = "error;default";

    private static final String TAKE = """
            WITH w AS (SELECT to_timestamp(floor(extract(epoch FROM now()) / ?) * ?) AS start)
            INSERT INTO region.ingest_rate_window AS r (project_key_id, window_start, accepted)
            SELECT ?, w.start, ? FROM w WHERE ? <= ?
            ON CONFLICT (project_key_id, window_start) DO UPDATE SET accepted = r.accepted + EXCLUDED.accepted
                WHERE r.accepted + EXCLUDED.accepted <= ?
            RETURNING accepted""";

    private static final String WINDOW_LEFT = "SELECT ceil(? - extract(epoch FROM now())::numeric % ?)";

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    /** Counts {@code events} against the key's limit, or refuses them all with 429 when they would pass it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void take(ProjectKey key, int events) {
        if (key.rateLimitCount().isEmpty() || events == 0) {
            return;
        }
        int limit = key.rateLimitCount().get();
        int window = key.rateLimitWindowSeconds().orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setInt(1, window);
                take.setInt(2, window);
                take.setLong(3, key.id());
                take.setInt(4, events);
                take.setInt(5, events);
                take.setInt(6, limit);
                take.setInt(7, limit);
                try (ResultSet row = take.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            long retryAfter = secondsLeft(connection, window);
            throw new ApiException(Problem.of(Response.Status.TOO_MANY_REQUESTS, "This DSN's key accepts " + limit
                    + " events per " + window + " s; retry in " + retryAfter + " s"),
                    Map.of("Retry-After", String.valueOf(retryAfter),
                            "X-Sentry-Rate-Limits", retryAfter + ":" + CATEGORIES + ":key"));
        } catch (SQLException e) {
            throw new IllegalStateException("Counting events against key " + key.id() + "'s rate limit failed", e);
        }
    }

    private static long secondsLeft(Connection connection, int window) throws SQLException {
        try (PreparedStatement left = connection.prepareStatement(WINDOW_LEFT)) {
            left.setInt(1, window);
            left.setInt(2, window);
            try (ResultSet row = left.executeQuery()) {
                row.next();
                return Math.max(1, row.getLong(1));
            }
        }
    }

    /** Windows end after at most a day: rows two days old count nothing. */
    @Schedule(minute = "*/10", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void forgetPastWindows() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM region.ingest_rate_window WHERE window_start < now() - interval '2 days'")) {
            delete.executeUpdate();
            OUTAGE.succeeded();
        } catch (SQLException | RuntimeException e) {
            OUTAGE.failed(e, "Deleting past rate-limit windows failed; the next run retries");
        }
    }
}
