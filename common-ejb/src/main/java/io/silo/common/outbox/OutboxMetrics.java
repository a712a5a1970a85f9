package io.silo.common.outbox;

import io.silo.common.persistence.SiloDataSource;
import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox as MicroProfile Metrics. Per destination and category, on the sending silo:
 * {@code silo_outbox_depth} (rows waiting), {@code silo_outbox_oldest_age_seconds} (how long the oldest has
 * waited; 0 when none), and the counters {@code silo_outbox_sent} (messages the destination's broker
 * committed; its rate is sent/s) and {@code silo_outbox_failures} (messages whose send failed and were backed
 * off). Per category, on the receiving silo: {@code silo_outbox_applied} (a message changed the replica),
 * {@code silo_outbox_unchanged} (a repeated or older message, which changes nothing) and
 * {@code silo_outbox_apply_failures} (applying failed; the broker redelivers).
 *
 * <p>One query per table answers every gauge of a scrape; if the database cannot be reached the last figures
 * stay. Counters are per instance, from its start. A startup singleton, because the metrics are registered per
 * region of the directory, which is ready only then. Its methods join the caller's transaction if there is one and
 * start none: counting a message applied must not cost the consumer a second container transaction per message.
 */
@Singleton
@Startup
@DependsOn("RegionDirectoryProducer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@AllSilos
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());
    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final String SENT = "silo_outbox_sent";
    private static final String FAILURES = "silo_outbox_failures";
    private static final String APPLIED = "silo_outbox_applied";
    private static final String UNCHANGED = "silo_outbox_unchanged";
    private static final String APPLY_FAILURES = "silo_outbox_apply_failures";

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    @Inject
    RegionDirectory regions;

    private record Backlog(long depth, double oldestAgeSeconds) {
    }

    private volatile Map<String, Backlog> backlog = Map.of();
    /** Counters by name and key ({@code destination|category} or {@code category}), all registered at start. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile long takenAtNanos;

    @PostConstruct
    void register() {
        for (OutboxTable table : OutboxTable.onThisServer()) {
            List<String> destinations = table == OutboxTable.CONTROL
                    ? regions.all().stream().map(Region::name).toList() : List.of("control");
            for (OutboxCategory category : OutboxCategory.values()) {
                if (OutboxTable.holding(category) != table) {
                    continue;
                }
                for (String destination : destinations) {
                    String key = destination + "|" + category.name();
                    Tag[] tags = {new Tag("destination", destination), new Tag("category", category.name())};
                    registry.gauge(Metadata.builder().withName("silo_outbox_depth")
                            .withDescription("Outbox rows waiting to be sent").build(),
                            this, metrics -> metrics.current(key).depth(), tags);
                    registry.gauge(Metadata.builder().withName("silo_outbox_oldest_age_seconds")
                            .withDescription("How long the oldest waiting outbox row has waited").withUnit("seconds").build(),
                            this, metrics -> metrics.current(key).oldestAgeSeconds(), tags);
                    registerCounter(SENT, key, "Outbox messages the destination's broker committed", tags);
                    registerCounter(FAILURES, key, "Outbox messages whose send failed and were backed off", tags);
                }
            }
        }
        for (OutboxCategory category : OutboxCategory.values()) {
            if (receivedHere(category)) {
                Tag[] tags = {new Tag("category", category.name())};
                registerCounter(APPLIED, category.name(), "Outbox messages applied, changing this silo's copy", tags);
                registerCounter(UNCHANGED, category.name(), "Outbox messages that were repeated or older, changing nothing", tags);
                registerCounter(APPLY_FAILURES, category.name(), "Outbox messages whose application failed (redelivered)", tags);
            }
        }
    }

    /** Not an overload of {@link #register()}: Payara Server finds the @PostConstruct method by its name. */
    private void registerCounter(String name, String key, String description, Tag... tags) {
        counters.put(name + "|" + key, registry.counter(Metadata.builder().withName(name).withDescription(description)
                .build(), tags));
    }

    private static boolean receivedHere(OutboxCategory category) {
        SiloMode mode = Silos.currentMode();
        return mode == SiloMode.MONOLITH
                || (mode == SiloMode.REGION) == (category.destination() == OutboxDestination.REGIONS);
    }

    /** {@code count} messages of this category reached the destination's broker. */
    public void sent(String destination, OutboxCategory category, int count) {
        increment(SENT, destination + "|" + category.name(), count);
    }

    /** {@code count} messages of this category could not be sent and wait for their back-off. */
    public void failed(String destination, OutboxCategory category, int count) {
        increment(FAILURES, destination + "|" + category.name(), count);
    }

    /** A received message was applied: {@code changed} false when it was a repeat or older than what is here. */
    public void applied(OutboxCategory category, boolean changed) {
        increment(changed ? APPLIED : UNCHANGED, category.name(), 1);
    }

    /** Applying a received message failed; the broker will redeliver it. */
    public void applyFailed(OutboxCategory category) {
        increment(APPLY_FAILURES, category.name(), 1);
    }

    private void increment(String name, String key, int count) {
        Counter counter = counters.get(name + "|" + key);
        if (counter != null) {
            counter.inc(count);
        }
    }

    private Backlog current(String key) {
        if (System.nanoTime() - takenAtNanos > FRESH_NANOS) {
            refresh();
        }
        return backlog.getOrDefault(key, new Backlog(0, 0));
    }

    private synchronized void refresh() {
        if (System.nanoTime() - takenAtNanos <= FRESH_NANOS) {
            return;
        }
        Map<String, Backlog> fresh = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (OutboxTable table : OutboxTable.onThisServer()) {
                try (ResultSet rows = statement.executeQuery("SELECT " + table.destinationColumn() + ", category, count(*),"
                        + " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM " + table.qualifiedName()
                        + " GROUP BY 1, 2")) {
                    while (rows.next()) {
                        fresh.put(rows.getString(1) + "|" + rows.getString(2), new Backlog(rows.getLong(3), rows.getDouble(4)));
                    }
                }
            }
            backlog = fresh;
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Outbox metrics keep their last figures: the database is unreachable", e);
        }
        takenAtNanos = System.nanoTime();
    }
}
