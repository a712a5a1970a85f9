package io.silo.common.rpc.dispatch;

import io.silo.common.persistence.SiloDataSource;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import io.silo.common.rpc.RpcSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The nonces of accepted RPC calls, in the silo's database so that every instance of the silo refuses a
 * nonce any of them has seen. Each insert commits on its own, before the call is served.
 */
@Stateless
@AllSilos
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RpcNonces {

    @Inject
    RpcSettings settings;

    @Resource(lookup = SiloDataSource.JNDI_NAME)
    DataSource dataSource;

    /** @return false when the nonce was seen before: the call is a replay */
    public boolean firstUse(String nonce) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table()
                     + " (nonce, seen_at) VALUES (?, now()) ON CONFLICT (nonce) DO NOTHING")) {
            insert.setString(1, nonce);
            return insert.executeUpdate() == 1;
        }
    }

    /** Forgets nonces whose timestamps would be refused as stale anyway. */
    public int forgetOlderThan(Duration age) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table()
                     + " WHERE seen_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, age.toSeconds());
            return delete.executeUpdate();
        }
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void purge() throws SQLException {
        forgetOlderThan(settings.maxClockSkew().multipliedBy(2));
    }

    /** A MONOLITH keeps its nonces in control's schema; each split silo in its own. */
    private static String table() {
        return Silos.currentMode() == SiloMode.REGION ? "region.rpc_nonce" : "control.rpc_nonce";
    }
}
