package io.silo.common.outbox;

import io.silo.common.persistence.OutageLog;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Moves outbox rows to the destination silo's broker: right after a transaction that wrote some commits,
 * and on a sweep every few seconds (rows whose back-off ended, rows another instance left behind).
 *
 * <p>Every instance of the silo drains at once. A shard (destination + scope + id) is taken under a
 * transaction-scoped advisory lock and its rows with {@code FOR UPDATE SKIP LOCKED}, so each shard is sent
 * by one instance at a time, in row order, while other shards go in parallel. Up to 200 shards of one
 * destination go in one batch: one database transaction and one JMS transaction for all their rows; the batches
 * of different destinations are sent at the same time. Messages carry
 * {@code JMSXGroupID} = shard, so the destination applies a shard in that order even with many consumers.
 *
 * <p>The rows are deleted in the database transaction that holds their locks, after the JMS session
 * committed. If that database commit fails after the broker committed (crash, lost connection), the rows
 * stay and are sent again: the destination receives a message twice, and its consumer's version check
 * makes the second one change nothing. Nothing is deleted before the broker has it, so nothing is lost.
 * A failed send backs the batch's rows off exponentially, 1 s doubling up to one hour.
 *
 * <p>Rows of a category or shard switched off in configuration ({@link OutboxSwitches}, read at every pass)
 * are left where they are until switched on again.
 */
@Singleton
@AllSilos
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxDrainer {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class.getName());

    private final OutageLog outage = new OutageLog(LOG, "Outbox drain");
    private static final int SHARDS_PER_PASS = 200;
    /** Rows sent in one database + JMS transaction (of up to SHARDS_PER_PASS shards of one destination). */
    private static final int ROWS_PER_BATCH = 500;
    /** SQL keeping only rows that are switched on; its two parameters are bound by {@link #bindSwitches}. */
    private static final String SWITCHED_ON = " AND NOT (category = ANY (?)) AND NOT ((shard_scope || ':' || shard_id) = ANY (?))";

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    UserTransaction transaction;

    @Resource
    ManagedExecutorService executor;

    @Inject
    OutboxBrokers brokers;

    @Inject
    OutboxSwitches switches;

    @Inject
    OutboxMetrics metrics;

    /** One pass at a time per instance; a request during a pass makes that pass go round again. */
    private final ReentrantLock passLock = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    /**
     * Transacted sessions to each destination's broker, reused between passes: used under passLock, each by the one
     * thread draining its destination in a pass.
     */
    private final Map<String, Sender> sessions = new ConcurrentHashMap<>();

    /**
     * A destination's session with its queue and producer, opened once: looking the queue up again on every batch
     * would cost a blocking broker round trip each time.
     */
    private record Sender(JMSContext session, Queue queue, JMSProducer producer) {

        static Sender open(JMSContext session, String destination) {
            try {
                return new Sender(session, session.createQueue(OutboxTable.queueOf(destination)),
                        session.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT));
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }
    }

    /** A transaction that wrote outbox rows committed: drain now, off the caller's thread. */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        requested.set(true);
        if (!passLock.isLocked()) {
            executor.execute(this::drain);
        }
    }

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void sweep() {
        requested.set(true);
        drain();
    }

    private void drain() {
        while (requested.get()) {
            if (!passLock.tryLock()) {
                return; // the running pass sees the request and goes round again
            }
            try {
                requested.set(false);
                OutboxSwitches.Disabled disabled = switches.current();
                for (OutboxTable table : tablesOfThisSilo()) {
                    while (drainPass(table, disabled) > 0) {
                        // a full pass may have left more rows of busy shards
                    }
                }
                outage.succeeded();
            } catch (RuntimeException e) {
                outage.failed(e, "Outbox drain pass failed; the sweep retries");
            } finally {
                passLock.unlock();
            }
        }
    }

    private static List<OutboxTable> tablesOfThisSilo() {
        SiloMode mode = Silos.currentMode();
        return switch (mode) {
            case CONTROL -> List.of(OutboxTable.CONTROL);
            case REGION -> List.of(OutboxTable.REGION);
            case MONOLITH -> List.of(OutboxTable.CONTROL, OutboxTable.REGION);
        };
    }

    private record Shard(String destination, String scope, long id) {
        String groupId() {
            return scope + ":" + id;
        }
    }

    private record Row(long id, String scope, long shardId, String category, long objectId, String payload) {
        String groupId() {
            return scope + ":" + shardId;
        }
    }

    /** @return how many rows went to a broker */
    private int drainPass(OutboxTable table, OutboxSwitches.Disabled disabled) {
        Map<String, List<Shard>> byDestination = new LinkedHashMap<>();
        for (Shard shard : dueShards(table, disabled)) {
            byDestination.computeIfAbsent(shard.destination(), destination -> new ArrayList<>()).add(shard);
        }
        // destinations go in parallel (each has its own broker and session): a region's messages do not wait for
        // another region's two commits; this thread takes the last destination itself
        List<Map.Entry<String, List<Shard>>> destinations = List.copyOf(byDestination.entrySet());
        int last = destinations.size() - 1;
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (Map.Entry<String, List<Shard>> destination : destinations.subList(0, Math.max(0, last))) {
            others.add(CompletableFuture.supplyAsync(
                    () -> drainBatch(table, destination.getKey(), destination.getValue(), disabled), executor));
        }
        int sent = last < 0 ? 0 : drainBatch(table, destinations.get(last).getKey(), destinations.get(last).getValue(), disabled);
        for (CompletableFuture<Integer> other : others) {
            sent += other.join();
        }
        return sent;
    }

    private static int bindSwitches(Connection connection, PreparedStatement query, int first,
                                    OutboxSwitches.Disabled disabled) throws SQLException {
        query.setArray(first, connection.createArrayOf("text", disabled.categoryNames()));
        query.setArray(first + 1, connection.createArrayOf("text", disabled.shardKeys()));
        return first + 2;
    }

    private List<Shard> dueShards(OutboxTable table, OutboxSwitches.Disabled disabled) {
        String sql = "SELECT " + table.destinationColumn() + ", shard_scope, shard_id FROM " + table.qualifiedName()
                + " WHERE scheduled_for <= now()" + SWITCHED_ON + " GROUP BY 1, 2, 3 ORDER BY min(id) LIMIT " + SHARDS_PER_PASS;
        List<Shard> shards = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            bindSwitches(connection, query, 1, disabled);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    shards.add(new Shard(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read due outbox shards of " + table.qualifiedName(), e);
        }
        return shards;
    }

    /**
     * Sends the due rows of the shards this instance can lock, all to one destination, in one database
     * transaction and one JMS transaction: a few commits for many shards instead of two per shard.
     */
    private int drainBatch(OutboxTable table, String destination, List<Shard> shards, OutboxSwitches.Disabled disabled) {
        int sent = 0;
        try {
            transaction.begin();
            try (Connection connection = dataSource.getConnection()) {
                List<String> locked = lockShards(connection, table, destination, shards);
                List<Row> rows = locked.isEmpty() ? List.of() : claim(connection, table, destination, locked, disabled);
                if (!rows.isEmpty()) {
                    List<Row> latest = coalesce(rows);
                    try {
                        send(destination, latest);
                        count(destination, latest, metrics::sent);
                        delete(connection, table, rows);
                        sent = rows.size();
                    } catch (RuntimeException | JMSException e) {
                        closeSession(destination);
                        count(destination, latest, metrics::failed);
                        backOff(connection, table, rows, e);
                        LOG.warning(() -> "Outbox to " + destination + ": " + rows.size() + " messages of " + locked.size()
                                + " shards not sent, backing off: " + e);
                    }
                }
            }
            transaction.commit();
        } catch (Exception e) {
            // rows whose send the broker committed stay and go again: the consumer's version check absorbs them
            rollbackQuietly();
            outage.failed(e, "Outbox batch of " + shards.size() + " shards to " + destination + " not drained");
            return 0;
        }
        return sent;
    }

    /** Takes the transaction-scoped advisory lock of every shard it can; answers their group ids (SCOPE:id). */
    private static List<String> lockShards(Connection connection, OutboxTable table, String destination, List<Shard> shards)
            throws SQLException {
        String prefix = table.qualifiedName() + "/" + destination + "/";
        List<String> locked = new ArrayList<>();
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT k FROM unnest(?::text[]) AS k WHERE pg_try_advisory_xact_lock(hashtextextended(? || k, 0))")) {
            lock.setArray(1, connection.createArrayOf("text", shards.stream().map(Shard::groupId).toArray()));
            lock.setString(2, prefix);
            try (ResultSet result = lock.executeQuery()) {
                while (result.next()) {
                    locked.add(result.getString(1));
                }
            }
        }
        return locked;
    }

    private interface Count {
        void add(String destination, OutboxCategory category, int count);
    }

    private static void count(String destination, List<Row> rows, Count counter) {
        Map<String, Integer> perCategory = new HashMap<>();
        rows.forEach(row -> perCategory.merge(row.category(), 1, Integer::sum));
        perCategory.forEach((category, count) -> counter.add(destination, OutboxCategory.valueOf(category), count));
    }

    /**
     * The claimed rows to send: for each shard, category and object only the last one written (the latest
     * payload), in id order, so a shard's messages still go in the order their last versions were written.
     */
    private static List<Row> coalesce(List<Row> rows) {
        Map<String, Row> last = new LinkedHashMap<>();
        for (Row row : rows) {
            String object = row.groupId() + "/" + row.category() + "/" + row.objectId();
            last.remove(object);
            last.put(object, row);
        }
        return List.copyOf(last.values());
    }

    /**
     * The locked shards' rows in id order, so each shard's rows go in the order they were written — all of them,
     * those still backing off too: a shard is due when any of its rows is, and its rows never overtake each other.
     */
    private static List<Row> claim(Connection connection, OutboxTable table, String destination, List<String> lockedShards,
                                   OutboxSwitches.Disabled disabled) throws SQLException {
        String sql = "SELECT id, shard_scope, shard_id, category, object_id, payload FROM " + table.qualifiedName()
                + " WHERE " + table.destinationColumn() + " = ? AND (shard_scope || ':' || shard_id) = ANY (?)"
                + SWITCHED_ON + " ORDER BY id LIMIT " + ROWS_PER_BATCH + " FOR UPDATE SKIP LOCKED";
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, destination);
            query.setArray(2, connection.createArrayOf("text", lockedShards.toArray()));
            bindSwitches(connection, query, 3, disabled);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getLong(3), result.getString(4),
                            result.getLong(5), result.getString(6)));
                }
            }
        }
        return rows;
    }

    private void send(String destination, List<Row> rows) throws JMSException {
        Sender sender = sessions.get(destination);
        if (sender == null) {
            sender = Sender.open(brokers.forDestination(destination).createContext(JMSContext.SESSION_TRANSACTED), destination);
            sessions.put(destination, sender);
        }
        JMSContext session = sender.session();
        try {
            for (Row row : rows) {
                TextMessage message = session.createTextMessage(row.payload());
                message.setStringProperty("JMSXGroupID", row.groupId());
                message.setStringProperty(OutboxConsumer.CATEGORY, row.category());
                message.setStringProperty(OutboxConsumer.SHARD_SCOPE, row.scope());
                message.setLongProperty(OutboxConsumer.SHARD_ID, row.shardId());
                message.setLongProperty(OutboxConsumer.OBJECT_ID, row.objectId());
                sender.producer().send(sender.queue(), message);
            }
            session.commit();
        } catch (RuntimeException | JMSException e) {
            try {
                session.rollback();
            } catch (RuntimeException ignored) {
                // the session is closed below anyway
            }
            throw e;
        }
    }

    private static void delete(Connection connection, OutboxTable table, List<Row> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table.qualifiedName() + " WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            delete.executeUpdate();
        }
    }

    private static void backOff(Connection connection, OutboxTable table, List<Row> rows, Exception cause)
            throws SQLException {
        String error = String.valueOf(cause);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table.qualifiedName()
                + " SET attempts = attempts + 1, last_error = ?,"
                + " scheduled_for = now() + least(interval '1 hour', interval '1 second' * power(2, least(attempts, 12)))"
                + " WHERE id = ANY (?)")) {
            update.setString(1, error.length() > 1000 ? error.substring(0, 1000) : error);
            update.setArray(2, connection.createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            update.executeUpdate();
        }
    }

    private void closeSession(String destination) {
        Sender sender = sessions.remove(destination);
        if (sender != null) {
            try {
                sender.session().close();
            } catch (RuntimeException ignored) {
                // a broken connection may refuse to close cleanly; it is dropped either way
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.FINE, "Rollback after a failed drain", e);
        }
    }

    @PreDestroy
    void close() {
        passLock.lock();
        try {
            List.copyOf(sessions.keySet()).forEach(this::closeSession);
        } finally {
            passLock.unlock();
        }
    }
}
