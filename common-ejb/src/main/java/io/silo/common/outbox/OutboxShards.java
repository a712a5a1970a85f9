package io.silo.common.outbox;

import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What waits in this silo's outbox, shard by shard, for operators: the list, and re-enabling a shard whose
 * sends failed so that it drains now instead of at the end of its back-off. A MONOLITH shows both tables.
 */
@Stateless
@AllSilos
public class OutboxShards {

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    OutboxSwitches switches;

    @Inject
    Event<OutboxWritten> written;

    /**
     * A page of shards, the most recently started first. A shard's position is its oldest row's id, doubled
     * (plus one in the region table), so the two tables of a MONOLITH interleave without ties.
     */
    public CursorPage<OutboxShard> page(Cursor cursor, int limit) {
        OutboxSwitches.Disabled disabled = switches.current();
        List<OutboxShard> shards = new ArrayList<>();
        for (OutboxTable table : OutboxTable.onThisServer()) {
            shards.addAll(query(table, cursor, limit + 1, disabled));
        }
        Comparator<OutboxShard> order = Comparator.comparingLong(OutboxShard::position);
        shards.sort(cursor.backwards() ? order : order.reversed());
        return CursorPage.of(cursor, limit, shards.subList(0, Math.min(shards.size(), limit + 1)), OutboxShard::position);
    }

    private List<OutboxShard> query(OutboxTable table, Cursor cursor, int limit, OutboxSwitches.Disabled disabled) {
        int tableIndex = table == OutboxTable.CONTROL ? 0 : 1;
        String position = "(min(id) * 2 + " + tableIndex + ")";
        String sql = "SELECT " + table.destinationColumn() + ", shard_scope, shard_id, category, count(*),"
                + " COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0), max(attempts),"
                + " (array_agg(last_error ORDER BY scheduled_for DESC) FILTER (WHERE last_error IS NOT NULL))[1],"
                + " min(scheduled_for), " + position
                + " FROM " + table.qualifiedName() + " GROUP BY 1, 2, 3, 4"
                + " HAVING " + position + (cursor.backwards() ? " > ?" : " < ?")
                + " ORDER BY " + position + (cursor.backwards() ? " ASC" : " DESC") + " LIMIT ?";
        List<OutboxShard> shards = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, cursor.id());
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OutboxScope scope = OutboxScope.valueOf(rows.getString(2));
                    long shardId = rows.getLong(3);
                    String category = rows.getString(4);
                    boolean off = disabled.shards().contains(OutboxSwitches.shardKey(scope, shardId))
                            || disabled.categories().stream().anyMatch(c -> c.name().equals(category));
                    shards.add(new OutboxShard(rows.getLong(10), rows.getString(1), scope, shardId, category,
                            rows.getLong(5), rows.getDouble(6), rows.getInt(7), rows.getString(8),
                            rows.getObject(9, OffsetDateTime.class), off));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the shards of " + table.qualifiedName(), e);
        }
        return shards;
    }

    /**
     * Clears the back-off of every row of the shard (all destinations, or only {@code destination}) so the
     * drainer sends them at once, right after this commits.
     *
     * @return how many rows were re-enabled
     * @throws ApiException 404 if the shard has no waiting rows, 409 if configuration switches it off
     */
    public int enable(OutboxScope scope, long shardId, Optional<String> destination) {
        if (switches.current().shards().contains(OutboxSwitches.shardKey(scope, shardId))) {
            throw ApiException.conflict("Shard " + OutboxSwitches.shardKey(scope, shardId) + " is switched off by "
                    + OutboxSwitches.DISABLED_SHARDS + "; remove it there to let it drain");
        }
        int enabled = 0;
        for (OutboxTable table : OutboxTable.onThisServer()) {
            String sql = "UPDATE " + table.qualifiedName() + " SET scheduled_for = now(), attempts = 0, last_error = NULL"
                    + " WHERE shard_scope = ? AND shard_id = ?" + (destination.isPresent() ? " AND " + table.destinationColumn() + " = ?" : "");
            try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, scope.name());
                update.setLong(2, shardId);
                if (destination.isPresent()) {
                    update.setString(3, destination.get());
                }
                int rows = update.executeUpdate();
                if (rows > 0) {
                    written.fire(new OutboxWritten(table));
                }
                enabled += rows;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not re-enable shard " + scope + ":" + shardId, e);
            }
        }
        if (enabled == 0) {
            throw ApiException.notFound("No such shard: nothing waits in " + OutboxSwitches.shardKey(scope, shardId)
                    + destination.map(name -> " toward " + name).orElse(""));
        }
        return enabled;
    }
}
