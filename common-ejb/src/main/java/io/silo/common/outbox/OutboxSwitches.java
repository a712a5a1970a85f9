package io.silo.common.outbox;

import io.silo.common.silo.AllSilos;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which outbox categories and shards an operator has switched off, from MicroProfile Config:
 * {@code silo.outbox.disabled-categories=AUDIT_ENTRY,USER_REPLICA} and
 * {@code silo.outbox.disabled-shards=USER:42,ORGANIZATION:7}. Rows of a disabled category or shard stay in
 * the outbox and are not sent; once the key no longer names them they drain as any other row.
 *
 * <p>Read again on every call (the drainer asks once per pass), never cached here, so a change reaches the
 * drainer as soon as the configuration does: after a restart, or at once from a dynamic source such as the
 * launcher's {@code <data dir>/config/dynamic/} directory (one file per key).
 */
@ApplicationScoped
@AllSilos
public class OutboxSwitches {

    public static final String DISABLED_CATEGORIES = "silo.outbox.disabled-categories";
    public static final String DISABLED_SHARDS = "silo.outbox.disabled-shards";

    /** What is switched off at one moment; the drainer takes one per pass. */
    public record Disabled(Set<OutboxCategory> categories, Set<String> shards) {

        public boolean isDisabled(OutboxScope scope, long shardId, OutboxCategory category) {
            return categories.contains(category) || shards.contains(shardKey(scope, shardId));
        }

        public boolean isEmpty() {
            return categories.isEmpty() && shards.isEmpty();
        }

        /** The category names, as stored in the outbox's {@code category} column. */
        public String[] categoryNames() {
            return categories.stream().map(Enum::name).toArray(String[]::new);
        }

        /** The shards as {@code SCOPE:id}, as {@code shard_scope || ':' || shard_id} in SQL. */
        public String[] shardKeys() {
            return shards.toArray(String[]::new);
        }
    }

    /** A shard as configuration names it: {@code USER:42}. */
    public static String shardKey(OutboxScope scope, long shardId) {
        return scope.name() + ":" + shardId;
    }

    /** Whether rows of this category in this shard are held back now. */
    public boolean isDisabled(OutboxScope scope, long shardId, OutboxCategory category) {
        return current().isDisabled(scope, shardId, category);
    }

    /** The switches as configured right now. An unknown category or malformed shard fails loudly. */
    public Disabled current() {
        Config config = ConfigProvider.getConfig();
        Set<OutboxCategory> categories = EnumSet.noneOf(OutboxCategory.class);
        for (String name : list(config, DISABLED_CATEGORIES)) {
            try {
                categories.add(OutboxCategory.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(DISABLED_CATEGORIES + " names an unknown outbox category '" + name
                        + "'; known: " + EnumSet.allOf(OutboxCategory.class), e);
            }
        }
        Set<String> shards = new LinkedHashSet<>();
        for (String shard : list(config, DISABLED_SHARDS)) {
            shards.add(parseShard(shard));
        }
        return new Disabled(categories, shards);
    }

    private static String parseShard(String shard) {
        int colon = shard.indexOf(':');
        try {
            return shardKey(OutboxScope.valueOf(shard.substring(0, Math.max(colon, 0))),
                    Long.parseLong(shard.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(DISABLED_SHARDS + " holds '" + shard + "'; expected SCOPE:id with SCOPE one of "
                    + EnumSet.allOf(OutboxScope.class) + ", e.g. USER:42", e);
        }
    }

    private static Set<String> list(Config config, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : config.getOptionalValue(key, String.class).orElse("").split(",")) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }
}
