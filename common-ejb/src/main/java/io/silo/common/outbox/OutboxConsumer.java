package io.silo.common.outbox;

import io.silo.common.persistence.DatabaseOutage;
import io.silo.common.persistence.OutageLog;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.bind.JsonbException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives this silo's outbox messages from its own broker ({@code silo.outbox.control} and/or
 * {@code silo.outbox.region-<name>}) and hands each to the {@link OutboxMessageHandler} of its category,
 * which applies it in one database transaction. The JMS session is transacted: it commits after the
 * database did, and rolls back when applying failed, so Artemis redelivers with growing delay. A message that
 * can never apply ({@link UnappliableMessageException}, an unknown category, unreadable JSON) or that failed
 * its {@code silo.outbox.max-deliveries}th delivery is parked in {@code DLQ} instead, in the same JMS
 * transaction, with the reason and delivery count ({@link DeadLetterQueue}); the broker's own
 * max-delivery-attempts (server-config/artemis/broker.xml, not lower) stays as the backstop. A crash
 * between the two commits redelivers a message already applied; handlers are idempotent by version.
 *
 * <p>Each session receives on a managed thread of its own and applies first deliveries in batches (see
 * {@link QueueListener}); the handlers' EJB proxies are resolved at start-up.
 * A lost broker connection is reopened by a check every few seconds.
 */
@Singleton
@Startup
@AllSilos
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxConsumer {

    static final String CATEGORY = "siloCategory";
    static final String SHARD_SCOPE = "siloShardScope";
    static final String SHARD_ID = "siloShardId";
    static final String OBJECT_ID = "siloObjectId";

    private static final Logger LOG = Logger.getLogger(OutboxConsumer.class.getName());
    private static final OutageLog OUTAGE = new OutageLog(LOG, "Outbox consumers");
    /** How long a receive waits before the listener looks whether it was closed. */
    private static final long RECEIVE_WAIT_MILLIS = 1000;
    /** How often a listener that holds messages during a database outage asks whether it is back. */
    private static final long DATABASE_POLL_MILLIS = 2000;

    @Inject
    ConnectionFactory ownBroker;

    @Inject
    SiloIdentity identity;

    @Inject
    @Any
    Instance<OutboxMessageHandler> handlerBeans;

    /** Deliveries after which a failing message is parked in DLQ; at most the broker's max-delivery-attempts. */
    @Inject
    @ConfigProperty(name = "silo.outbox.max-deliveries", defaultValue = "10")
    int maxDeliveries;

    @Inject
    OutboxMetrics metrics;

    /**
     * Sessions (each its own connection and listener thread) per queue: messages of different shards are
     * applied in parallel, while Artemis hands every message of one group (shard) to one session at a time.
     */
    @Inject
    @ConfigProperty(name = "silo.outbox.consumer-sessions", defaultValue = "4")
    int sessionsPerQueue;

    /** First deliveries applied in one database transaction and one JMS commit, at most (1: each alone). */
    @Inject
    @ConfigProperty(name = "silo.outbox.consumer-batch", defaultValue = "100")
    int batchSize;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    private final Map<OutboxCategory, OutboxMessageHandler> handlers = new EnumMap<>(OutboxCategory.class);
    /** The open sessions per queue ({@code <queue>#<n>}); absent or broken ones are (re)opened by {@link #keepListening()}. */
    private final Map<String, QueueListener> listeners = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        for (OutboxMessageHandler handler : handlerBeans) {
            handler.categories().forEach(category -> handlers.put(category, handler));
        }
        keepListening();
    }

    /** The queues this server consumes: its own silo's (both in a MONOLITH). */
    private List<String> queues() {
        List<String> queues = new ArrayList<>();
        if (identity.mode() != SiloMode.REGION) {
            queues.add(OutboxTable.queueOf("control"));
        }
        if (identity.mode() != SiloMode.CONTROL) {
            queues.add(OutboxTable.queueOf(identity.region().orElseThrow(
                    () -> new IllegalStateException("silo.region is not set on a " + identity.mode() + " server"))));
        }
        return queues;
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    synchronized void keepListening() {
        for (String queue : queues()) {
            for (int session = 1; session <= sessionsPerQueue; session++) {
                String key = queue + "#" + session;
                QueueListener listener = listeners.get(key);
                if (listener != null && !listener.broken) {
                    continue;
                }
                if (listener != null) {
                    listener.close();
                    listeners.remove(key);
                }
                try {
                    listeners.put(key, new QueueListener(queue));
                    LOG.info(() -> "Consuming outbox messages from " + key);
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Cannot consume " + key + " yet (retrying in 5 s): " + e);
                }
            }
        }
    }

    private static int deliveries(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            return 1;
        }
    }

    /** Retrying cannot help: the handler said so, or the payload is not JSON of its record. */
    private static boolean isUnappliable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnappliableMessageException || cause instanceof JsonbException) {
                return true;
            }
        }
        return false;
    }

    /** The deepest message of the failure, for the operator: the handler's own reason rather than its EJB wrapper. */
    private static String reasonOf(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnappliableMessageException) {
                return cause.getMessage();
            }
            deepest = cause;
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }

    @PreDestroy
    void stop() {
        listeners.values().forEach(QueueListener::close);
        listeners.clear();
    }

    /**
     * One transacted session receiving from one queue on a thread of its own. Messages delivered for the first time
     * are applied in batches: up to {@code silo.outbox.consumer-batch} messages already waiting in the session's
     * buffer go in one database transaction and one JMS commit, instead of a commit of each per message. If anything
     * in a batch fails, both roll back and the broker delivers the batch again; a message delivered again is always
     * applied alone, as is a message arriving when nothing else waits, so a failing message is retried, counted and
     * parked on its own and never drags the others along.
     */
    @AllSilos
    private final class QueueListener implements Runnable {

        private final String queue;
        private final JMSContext session;
        private final JMSConsumer consumer;
        private volatile boolean broken;
        private volatile boolean closed;

        QueueListener(String queue) {
            this.queue = queue;
            this.session = ownBroker.createContext(JMSContext.SESSION_TRANSACTED);
            try {
                session.setExceptionListener(e -> {
                    broken = true;
                    LOG.warning(() -> "Lost the broker connection for " + queue + ": " + e);
                });
                consumer = session.createConsumer(session.createQueue(queue));
                session.start();
                threads.newThread(this).start();
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }

        @Override
        public void run() {
            while (!closed && !broken) {
                try {
                    Message first = consumer.receive(RECEIVE_WAIT_MILLIS);
                    if (first == null) {
                        continue;
                    }
                    List<Message> batch = firstDeliveriesAfter(first);
                    if (batch.size() == 1) {
                        applyAlone(first);
                    } else {
                        applyBatch(batch);
                    }
                } catch (RuntimeException e) {
                    if (!closed) {
                        broken = true;
                        LOG.log(Level.WARNING, "Stopped receiving from " + queue + "; reconnecting", e);
                    }
                }
            }
        }

        /** {@code first} and, if it is a first delivery, the first deliveries already waiting, up to the batch size. */
        private List<Message> firstDeliveriesAfter(Message first) {
            List<Message> batch = new ArrayList<>();
            batch.add(first);
            if (deliveries(first) > 1) {
                return batch;
            }
            while (batch.size() < batchSize) {
                Message next = consumer.receiveNoWait();
                if (next == null) {
                    break;
                }
                batch.add(next);
                if (deliveries(next) > 1) {
                    break; // received, so it belongs to this transaction; if the batch fails it comes again, alone
                }
            }
            return batch;
        }

        /** Applies and acknowledges the batch, or rolls it back: then the broker delivers each message again. */
        private void applyBatch(List<Message> batch) {
            List<OutboxCategory> categories = new ArrayList<>();
            List<Boolean> changes = new ArrayList<>();
            try {
                transaction.begin();
                try {
                    for (Message message : batch) {
                        OutboxMessage received = read(message);
                        categories.add(received.category());
                        changes.add(handlerOf(received).apply(received));
                    }
                } catch (Exception e) {
                    transaction.rollback();
                    throw e;
                }
                // a transaction some handler marked for rollback fails here, so the session is not committed either
                transaction.commit();
                session.commit();
                for (int i = 0; i < categories.size(); i++) {
                    metrics.applied(categories.get(i), changes.get(i));
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "Outbox batch of " + batch.size() + " from " + queue
                        + " not applied; its messages come again, each alone", e);
                if (DatabaseOutage.isOutage(e)) {
                    OUTAGE.failed(e, "");
                    awaitDatabase();
                }
                rollbackSession();
            }
        }

        private void applyAlone(Message message) {
            String describe = "message";
            int deliveries = 1;
            OutboxCategory category = null;
            try {
                deliveries = deliveries(message);
                OutboxMessage received = read(message);
                describe = received.category() + " " + received.objectId() + " (shard " + received.shardScope() + ":"
                        + received.shardId() + ", delivery " + deliveries + ")";
                category = received.category();
                boolean changed = handlerOf(received).apply(received);
                session.commit();
                OUTAGE.succeeded();
                metrics.applied(category, changed);
            } catch (Exception e) {
                if (category != null) {
                    metrics.applyFailed(category);
                }
                String what = describe;
                if (DatabaseOutage.isOutage(e)) {
                    // not the message's fault: it waits, unacknowledged, for the database, then comes again once
                    OUTAGE.failed(e, "");
                    awaitDatabase();
                    rollbackSession();
                    return;
                }
                boolean unappliable = isUnappliable(e);
                if ((unappliable || deliveries >= maxDeliveries) && park(message, e, deliveries)) {
                    LOG.log(Level.WARNING, "Outbox " + what + " from " + queue + " parked in "
                            + DeadLetterQueue.QUEUE + (unappliable ? ": it can never apply" : " after " + deliveries
                            + " deliveries") + "; an operator can replay or discard it", e);
                    return;
                }
                LOG.log(Level.WARNING, "Outbox " + what + " from " + queue + " not applied; the broker redelivers it", e);
                rollbackSession();
            }
        }

        /**
         * Holds the messages delivered to this session until the database answers again: every rollback counts a
         * delivery, and the broker dead-letters a message after ten, which a long outage would otherwise reach.
         */
        private void awaitDatabase() {
            while (!closed) {
                try (Connection connection = dataSource.getConnection()) {
                    if (connection.isValid(2)) {
                        return;
                    }
                } catch (SQLException | RuntimeException stillAway) {
                    LOG.log(Level.FINEST, "The database is still away", stillAway);
                }
                try {
                    Thread.sleep(DATABASE_POLL_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private OutboxMessageHandler handlerOf(OutboxMessage received) {
            OutboxMessageHandler handler = handlers.get(received.category());
            if (handler == null) {
                throw new UnappliableMessageException("no handler for " + received.category() + " on this server");
            }
            return handler;
        }

        private void rollbackSession() {
            try {
                session.rollback();
            } catch (RuntimeException rollbackFailed) {
                broken = true;
            }
        }

        private OutboxMessage read(Message message) throws JMSException {
            OutboxCategory category;
            OutboxScope scope;
            try {
                category = OutboxCategory.valueOf(message.getStringProperty(CATEGORY));
                scope = OutboxScope.valueOf(message.getStringProperty(SHARD_SCOPE));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new UnappliableMessageException("unknown category or shard scope: "
                        + message.getStringProperty(CATEGORY) + " / " + message.getStringProperty(SHARD_SCOPE));
            }
            return new OutboxMessage(category, scope, message.getLongProperty(SHARD_ID), message.getLongProperty(OBJECT_ID),
                    message.getBody(String.class));
        }

        /** Moves the message to DLQ in this session's transaction; false if that failed too (then it is rolled back). */
        private boolean park(Message message, Exception cause, int deliveries) {
            try {
                DeadLetterQueue.park(session, message, queue, reasonOf(cause), deliveries);
                session.commit();
                return true;
            } catch (Exception parkingFailed) {
                LOG.log(Level.WARNING, "Could not park a failing outbox message in " + DeadLetterQueue.QUEUE, parkingFailed);
                try {
                    session.rollback();
                } catch (RuntimeException ignored) {
                    broken = true;
                }
                return false;
            }
        }

        void close() {
            closed = true;
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // a broken connection may refuse to close cleanly; it is dropped either way
            }
        }
    }
}
