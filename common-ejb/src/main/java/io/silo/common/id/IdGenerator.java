package io.silo.common.id;

import io.silo.common.persistence.OutageLog;
import io.silo.common.persistence.SiloDataSource;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Mints this server's snowflake ids. The instance number is leased in the silo's own database on
 * first use and renewed every 10 seconds; the region id comes from the region directory (0 on control).
 */
@Singleton
@AllSilos
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IdGenerator {

    private static final Logger LOG = Logger.getLogger(IdGenerator.class.getName());
    private static final long LEASE_TTL_MILLIS = 60_000;
    private static final long RESERVE_AHEAD_MILLIS = 60_000;

    private final OutageLog outage = new OutageLog(LOG, "Instance lease renewal");

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    RegionDirectory regions;

    @Inject
    SiloIdentity identity;

    @Inject
    @ConfigProperty(name = "silo.instance.name", defaultValue = "silo")
    String instanceName;

    @Inject
    @ConfigProperty(name = "silo.ids.max-lead-millis", defaultValue = "900000")
    long maxLeadMillis;

    private volatile SnowflakeGenerator generator;
    private volatile InstanceLease lease;

    public long nextId() {
        SnowflakeGenerator current = generator;
        if (current == null) {
            current = start();
        }
        return current.nextId();
    }

    private synchronized SnowflakeGenerator start() {
        if (generator == null) {
            SiloMode mode = Silos.currentMode();
            int regionId = mode == SiloMode.CONTROL ? 0 : regions.require(identity.region().orElseThrow(
                    () -> new IllegalStateException("silo.region is not set on a " + mode + " server"))).id();
            InstanceLease acquired = new InstanceLease(dataSource, mode == SiloMode.REGION ? "region" : "control",
                    instanceName, LEASE_TTL_MILLIS);
            acquired.acquire();
            lease = acquired;
            generator = new SnowflakeGenerator(regionId, acquired.instanceNumber(), acquired.startAfter(),
                    Clock.systemUTC(), maxLeadMillis, RESERVE_AHEAD_MILLIS, acquired::reserveUntil);
            LOG.info(() -> "Snowflake ids: region " + regionId + ", instance " + acquired.instanceNumber());
        }
        return generator;
    }

    /**
     * Outside any transaction: its own JDBC statement commits alone, and a database that is briefly away only
     * fails this renewal (logged), never a container transaction whose rollback would end the timer itself,
     * which a PostgreSQL restart in the outage tests showed: renewals stopped and the lease lapsed.
     */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void renewLease() {
        InstanceLease current = lease;
        if (current != null) {
            try {
                current.renew();
                outage.succeeded();
            } catch (RuntimeException e) {
                outage.failed(e, "Instance lease renewal failed; ids stop when it expires unless the next id renews it");
            }
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void release() {
        InstanceLease current = lease;
        if (current != null) {
            current.release();
        }
    }
}
