package io.silo.common.outbox;

import io.silo.common.persistence.SiloDataSource;
import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * The one way to send something to another silo: an outbox row written in the caller's transaction, so
 * the change and its message commit or roll back together. Rows are only ever appended — a writer never
 * waits for a row a drainer holds locked while it sends — and rows still waiting for the same destination,
 * shard, category and object coalesce when drained: the latest payload is delivered once (OutboxDrainer).
 * Call it after the change is flushed, so the payload carries the version the change committed with.
 */
@Stateless
@AllSilos
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OutboxWriter {

    /**
     * The rows control writes, one per destination region, in one statement (parameters: the destinations as a text
     * array, shard scope, shard id, category, object id, payload). Public so the outbox benchmark measures this very
     * statement.
     */
    public static final String TO_REGION_SQL = """
            INSERT INTO control.control_outbox (destination, shard_scope, shard_id, category, object_id, payload)
            SELECT unnest(?::text[]), ?, ?, ?, ?, ?
            """;

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RegionDirectory regions;

    @Inject
    Event<OutboxWritten> written;

    /** Control → every region of the directory (until memberships say which regions need it). */
    public void toAllRegions(OutboxCategory category, long shardId, long objectId, Record payload) {
        toRegions(regions.all().stream().map(Region::name).toList(), category, shardId, objectId, payload);
    }

    /** Control → the named regions. */
    public void toRegions(Collection<String> regionNames, OutboxCategory category, long shardId, long objectId,
                          Record payload) {
        require(category, OutboxDestination.REGIONS, SiloMode.REGION);
        String json = OutboxJson.write(category, payload);
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(TO_REGION_SQL)) {
            insert.setArray(1, connection.createArrayOf("text", regionNames.toArray()));
            bindRow(insert, 2, category, shardId, objectId, json);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the outbox row for " + category + " " + objectId, e);
        }
        written.fire(new OutboxWritten(OutboxTable.CONTROL));
    }

    /** A region → control. */
    public void toControl(OutboxCategory category, long shardId, long objectId, Record payload) {
        require(category, OutboxDestination.CONTROL, SiloMode.CONTROL);
        String sql = """
                INSERT INTO region.region_outbox (shard_scope, shard_id, category, object_id, payload)
                VALUES (?, ?, ?, ?, ?)
                """;
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(sql)) {
            bindRow(insert, 1, category, shardId, objectId, OutboxJson.write(category, payload));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the outbox row for " + category + " " + objectId, e);
        }
        written.fire(new OutboxWritten(OutboxTable.REGION));
    }

    private static void bindRow(PreparedStatement insert, int first, OutboxCategory category, long shardId,
                                long objectId, String json) throws SQLException {
        insert.setString(first, category.scope().name());
        insert.setLong(first + 1, shardId);
        insert.setString(first + 2, category.name());
        insert.setLong(first + 3, objectId);
        insert.setString(first + 4, json);
    }

    private static void require(OutboxCategory category, OutboxDestination destination, SiloMode wrongSource) {
        if (category.destination() != destination) {
            throw new IllegalArgumentException(category + " goes to " + category.destination() + ", not " + destination);
        }
        if (Silos.currentMode() == wrongSource) {
            throw new IllegalStateException(category + " cannot be written on a " + wrongSource + " server");
        }
    }
}
