package io.silo.common.web.api;

import io.silo.common.persistence.DatabaseOutage;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.web.ApiException;
import io.silo.common.web.Problem;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else. A body that JSON-B cannot read is the client's mistake (400), a lost race on a versioned
 * object a conflict to retry (409), a database that cannot be reached an outage to retry after (503, naming whose
 * database, with {@code Retry-After}; one log line, no stack trace); any other failure is
 * logged with an incident id the client gets in its 500, and the exception's text never leaves the server.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    SiloIdentity identity;

    @Override
    public Response toResponse(Throwable exception) {
        ApiException raised = causeOf(exception, ApiException.class);
        if (raised != null) {
            return raised.toResponse();
        }
        JsonbException malformed = causeOf(exception, JsonbException.class);
        if (malformed != null) {
            return Problem.of(Response.Status.BAD_REQUEST, MalformedBody.describe(malformed)).toResponse();
        }
        if (DatabaseOutage.isOutage(exception)) {
            LOG.warning(() -> "Answered 503: the database cannot be reached ("
                    + DatabaseOutage.rootMessage(exception) + ")");
            return ApiException.unavailable(DatabaseOutage.detail(identity.siloName()),
                    DatabaseOutage.RETRY_AFTER_SECONDS).toResponse();
        }
        if (causeOf(exception, OptimisticLockException.class) != null) {
            return Problem.of(Response.Status.CONFLICT,
                    "The object was changed by another request at the same moment; read it again and retry").toResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Silo failed to handle this request; report incident " + incident + " to its operator").toResponse();
    }

    static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
