package io.silo.common.outbox;

import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.Config;

/**
 * The broker of each destination silo: outbox messages go to the destination's own broker, where its
 * consumers listen. Control reads {@code silo.region.<name>.broker-url/-user/-password} for every region,
 * a region {@code silo.control.broker-url/-user/-password}; a MONOLITH has one broker for everything.
 */
@AllSilos
@ApplicationScoped
public class OutboxBrokers {

    @Inject
    ConnectionFactory ownBroker;

    @Inject
    SiloIdentity identity;

    @Inject
    Config config;

    private final Map<String, ActiveMQConnectionFactory> remote = new ConcurrentHashMap<>();

    /** @param destination {@code control} or a region name */
    public ConnectionFactory forDestination(String destination) {
        if (identity.mode() == SiloMode.MONOLITH) {
            return ownBroker;
        }
        return remote.computeIfAbsent(destination, this::connect);
    }

    private ActiveMQConnectionFactory connect(String destination) {
        String prefix = destination.equals("control") ? "silo.control." : "silo.region." + destination + ".";
        String url = config.getOptionalValue(prefix + "broker-url", String.class).orElseThrow(() ->
                new IllegalStateException("No " + prefix + "broker-url configured: the broker of " + destination
                        + " is unknown to this server"));
        String user = config.getOptionalValue(prefix + "broker-user", String.class).orElse("silo");
        String password = config.getOptionalValue(prefix + "broker-password", String.class).orElse(null);
        return new ActiveMQConnectionFactory(url, user, password);
    }

    @PreDestroy
    void close() {
        remote.values().forEach(ActiveMQConnectionFactory::close);
    }
}
