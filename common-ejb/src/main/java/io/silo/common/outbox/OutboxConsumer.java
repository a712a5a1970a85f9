package io.silo.common.outbox;

import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives this silo's outbox messages from its own broker ({@code silo.outbox.control} and/or
 * {@code silo.outbox.region-<name>}) and hands each to the {@link OutboxMessageHandler} of its category,
 * which applies it in one database transaction. The JMS session is transacted: it commits after the
 * database did, and rolls back when applying failed, so Artemis redelivers with growing delay and after
 * its max-delivery-attempts moves the message to {@code DLQ} (server-config/artemis/broker.xml). A crash
 * between the two commits redelivers a message already applied; handlers are idempotent by version.
 *
 * <p>Listeners run on Artemis's threads, so they only call the handlers' EJB proxies resolved at start-up.
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

    @Inject
    ConnectionFactory ownBroker;

    @Inject
    SiloIdentity identity;

    @Inject
    @Any
    Instance<OutboxMessageHandler> handlerBeans;

    @Inject
    OutboxMetrics metrics;

    /**
     * Sessions (each its own connection and listener thread) per queue: messages of different shards are
     * applied in parallel, while Artemis hands every message of one group (shard) to one session at a time.
     */
    @Inject
    @ConfigProperty(name = "silo.outbox.consumer-sessions", defaultValue = "4")
    int sessionsPerQueue;

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

    @PreDestroy
    void stop() {
        listeners.values().forEach(QueueListener::close);
        listeners.clear();
    }

    /** One transacted session listening on one queue. */
    @AllSilos
    private final class QueueListener implements MessageListener {

        private final String queue;
        private final JMSContext session;
        private volatile boolean broken;

        QueueListener(String queue) {
            this.queue = queue;
            this.session = ownBroker.createContext(JMSContext.SESSION_TRANSACTED);
            try {
                session.setExceptionListener(e -> {
                    broken = true;
                    LOG.warning(() -> "Lost the broker connection for " + queue + ": " + e);
                });
                JMSConsumer consumer = session.createConsumer(session.createQueue(queue));
                consumer.setMessageListener(this);
                session.start();
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }

        @Override
        public void onMessage(Message message) {
            String describe = "message";
            OutboxCategory category = null;
            try {
                OutboxMessage received = new OutboxMessage(
                        OutboxCategory.valueOf(message.getStringProperty(CATEGORY)),
                        OutboxScope.valueOf(message.getStringProperty(SHARD_SCOPE)),
                        message.getLongProperty(SHARD_ID), message.getLongProperty(OBJECT_ID),
                        message.getBody(String.class));
                describe = received.category() + " " + received.objectId() + " (shard " + received.shardScope() + ":"
                        + received.shardId() + ", delivery " + message.getIntProperty("JMSXDeliveryCount") + ")";
                category = received.category();
                OutboxMessageHandler handler = handlers.get(received.category());
                if (handler == null) {
                    throw new IllegalStateException("no handler for " + received.category() + " on this server");
                }
                boolean changed = handler.apply(received);
                session.commit();
                metrics.applied(category, changed);
            } catch (Exception e) {
                if (category != null) {
                    metrics.applyFailed(category);
                }
                String what = describe;
                LOG.log(Level.WARNING, "Outbox " + what + " from " + queue + " not applied; the broker redelivers it", e);
                try {
                    session.rollback();
                } catch (RuntimeException rollbackFailed) {
                    broken = true;
                }
            }
        }

        void close() {
            try {
                session.close();
            } catch (RuntimeException ignored) {
                // a broken connection may refuse to close cleanly; it is dropped either way
            }
        }
    }
}
