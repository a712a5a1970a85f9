package io.silo.common.persistence;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a background job (a timer, a drain, a consumer) reports its failures: while the database cannot be reached, one
 * line when the outage starts and one when the job succeeds again, instead of a stack trace at every tick; any other
 * failure is logged in full, each time, as before.
 */
public final class OutageLog {

    private final Logger log;
    private final String job;
    private final AtomicBoolean down = new AtomicBoolean();

    /** @param job what the job does, as the log names it ({@code "Outbox drain"}) */
    public OutageLog(Logger log, String job) {
        this.log = log;
        this.job = job;
    }

    /** The job failed: the first failure of an outage in one line, a failure of another kind with its stack trace. */
    public void failed(Throwable failure, String otherwise) {
        if (DatabaseOutage.isOutage(failure)) {
            if (down.compareAndSet(false, true)) {
                log.warning(() -> job + ": the database cannot be reached (" + DatabaseOutage.rootMessage(failure)
                        + "); retrying until it is back");
            }
        } else {
            log.log(Level.WARNING, otherwise, failure);
        }
    }

    /** The job succeeded: after an outage, says once that the job works again. */
    public void succeeded() {
        if (down.compareAndSet(true, false)) {
            log.info(() -> job + ": the database is back; resumed");
        }
    }
}
