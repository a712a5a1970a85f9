package io.silo.common.messaging;

import io.silo.common.silo.AllSilos;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The silo's own Artemis broker, as a JMS {@link ConnectionFactory} built from configuration. */
@AllSilos
@ApplicationScoped
public class BrokerConnectionFactory {

    @Inject
    @ConfigProperty(name = "silo.broker.url", defaultValue = "tcp://127.0.0.1:61616")
    String url;

    @Inject
    @ConfigProperty(name = "silo.broker.user", defaultValue = "silo")
    String user;

    @Inject
    @ConfigProperty(name = "silo.broker.password")
    String password;

    private ActiveMQConnectionFactory factory;

    @Produces
    @ApplicationScoped
    public synchronized ConnectionFactory connectionFactory() {
        if (factory == null) {
            factory = new ActiveMQConnectionFactory(url, user, password);
        }
        return factory;
    }

    @PreDestroy
    synchronized void close() {
        if (factory != null) {
            factory.close();
        }
    }
}
