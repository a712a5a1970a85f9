package io.silo.common.persistence;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies one silo's Flyway history ({@code database/control} or {@code database/region}) to its own
 * PostgreSQL schema, so a MONOLITH database holds both silos side by side without mixing them.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private SchemaMigrator() {
    }

    /** @param schema {@code control} or {@code region}: both the PostgreSQL schema and the migration folder. */
    public static void migrate(DataSource dataSource, String schema) {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/" + schema)
                .load()
                .migrate();
        LOG.info(() -> "Schema " + schema + " at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
