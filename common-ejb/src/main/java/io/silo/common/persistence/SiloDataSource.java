package io.silo.common.persistence;

import io.silo.common.silo.AllSilos;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The silo's PostgreSQL database. Each silo has its own; in MONOLITH mode control and region
 * share one database, their tables kept apart in the {@code control} and {@code region} schemas. The pool is set
 * for outages: while the database cannot be reached a request fails within about 2 s (a 503, see
 * {@link DatabaseOutage}), and the first request after it is back gets a working connection.
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
                      // one failed validation drops every pooled connection: after a database restart none is stale
                      "fish.payara.fail-all-connections=true",
                      // validate a pooled connection before use at most every 3 s, not on every checkout
                      "fish.payara.validate-atmost-once-period-in-seconds=3",
                      // a request waits at most 2 s for a connection (Payara's default is 60 s), then gets a 503
                      "fish.payara.max-wait-time-in-millis=2000",
                      // PostgreSQL JDBC: 2 s to open a connection and to log in; a dead peer is noticed by TCP
                      // keep-alive, and a read that hangs longer than 5 minutes (a host gone without a reset) fails
                      "connectTimeout=2",
                      "loginTimeout=2",
                      "tcpKeepAlive=true",
                      "socketTimeout=300"})
@AllSilos
public class SiloDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/silo";
}
