package io.silo.common.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the silo's database cannot be reached right now (stopped, restarting, unreachable, or the
 * pool has no connection to give within its wait): a temporary outage the API answers with 503, not a defect.
 * PostgreSQL reports these as SQLSTATE class 08 (connection exception) or 57P01–57P03 (the server shutting down or
 * starting); Payara's pool as a resource exception naming the allocation it could not make.
 */
public final class DatabaseOutage {

    /** How long clients are asked to wait before retrying: about a database restart. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
            if (cause.getClass().getName().endsWith("ResourceException") || cause.getClass().getName()
                    .endsWith("PoolingException")) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.contains("Error in allocating a connection")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The innermost cause, for a one-line log: {@code "PSQLException: Connection to localhost:5432 refused"}. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** What a client is told: {@code "The database of region eu is unavailable; retry later"}. */
    public static String detail(String siloName) {
        String whose = siloName.startsWith("region-") ? "region " + siloName.substring("region-".length()) : siloName;
        return "The database of " + whose + " is unavailable; retry later";
    }
}
