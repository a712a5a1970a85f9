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
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The outbox as MicroProfile Metrics, per destination and category: {@code silo_outbox_depth} (rows waiting)
 * and {@code silo_outbox_oldest_age_seconds} (how long the oldest has waited; 0 when none). One query per
 * table answers every gauge of a scrape; if the database cannot be reached the last figures stay. A startup
 * singleton, because the gauges are registered per region of the directory, which is ready only then.
 */
@Singleton
@Startup
@DependsOn("RegionDirectoryProducer")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@AllSilos
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());
    private static final long FRESH_NANOS = 1_000_000_000L;

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MetricRegistry registry;

    @Inject
    RegionDirectory regions;

    private record Backlog(long depth, double oldestAgeSeconds) {
    }

    private volatile Map<String, Backlog> backlog = Map.of();
    private volatile long takenAtNanos;

    @PostConstruct
    void register() {
        for (OutboxTable table : tables()) {
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
                }
            }
        }
    }

    private static List<OutboxTable> tables() {
        SiloMode mode = Silos.currentMode();
        List<OutboxTable> tables = new ArrayList<>();
        if (mode != SiloMode.REGION) {
            tables.add(OutboxTable.CONTROL);
        }
        if (mode != SiloMode.CONTROL) {
            tables.add(OutboxTable.REGION);
        }
        return tables;
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
            for (OutboxTable table : tables()) {
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
