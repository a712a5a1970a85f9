package io.silo.common.persistence;

import io.silo.common.silo.AllSilos;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The silo's PostgreSQL database. Each silo has its own; in MONOLITH mode control and region
 * share one database, their tables kept apart in the {@code control} and {@code region} schemas.
 */
@Singleton
@DataSourceDefinition(
        name = SiloDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=silo.db.url}",
        user = "${MPCONFIG=silo.db.user}",
        password = "${MPCONFIG=silo.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                      "fish.payara.connection-validation-method=custom-validation",
                      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                      "fish.payara.fail-all-connections=true",
                      // validate a pooled connection before use at most every 10 s, not on every checkout
                      "fish.payara.validate-atmost-once-period-in-seconds=10"})
@AllSilos
public class SiloDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/silo";
}
