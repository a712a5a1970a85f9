package io.silo.common.outbox;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

/**
 * The outbox messages a silo's broker parked in {@code DLQ} after they failed max-delivery-attempts times
 * (server-config/artemis/broker.xml), to look at and to replay once the cause is fixed. Works on any
 * broker connection: a server passes its own broker ({@code @Inject ConnectionFactory}), an operator tool
 * or a test a connection factory of its own.
 *
 * <p>{@link #replay} takes the message off {@code DLQ} and sends it, with its shard's group and outbox
 * properties, to the queue it came from, in one transacted session of that broker: it is either still in
 * {@code DLQ} or back on its queue, never both or neither. The consumer then applies it like any other
 * (idempotently, by version).
 */
public final class DeadLetters {

    public static final String QUEUE = "DLQ";
    /** Set by Artemis on a dead letter: the address it was sent to. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final long RECEIVE_MILLIS = 2000;

    /** A parked outbox message; {@code messageId} is its {@code JMSMessageID}, as {@link #replay} takes it. */
    public record DeadLetter(String messageId, String originalQueue, String category, String shard, long objectId,
                             int deliveries) {
    }

    private final ConnectionFactory broker;

    public DeadLetters(ConnectionFactory broker) {
        this.broker = broker;
    }

    /** Every message in {@code DLQ}, oldest first. */
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (JMSContext session = broker.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE))) {
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                letters.add(describe((Message) messages.nextElement()));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not browse " + QUEUE, e);
        }
        return letters;
    }

    /**
     * Moves one message from {@code DLQ} back to the queue it came from.
     *
     * @return false if {@code DLQ} holds no message with this id (already replayed, or never there)
     */
    public boolean replay(String messageId) {
        if (messageId == null || !messageId.matches("ID:[0-9a-fA-F-]+")) {
            throw new IllegalArgumentException("not a JMS message id: " + messageId);
        }
        try (JMSContext session = broker.createContext(JMSContext.SESSION_TRANSACTED)) {
            try (JMSConsumer consumer = session.createConsumer(session.createQueue(QUEUE), "JMSMessageID = '" + messageId + "'")) {
                Message dead = consumer.receive(RECEIVE_MILLIS);
                if (dead == null) {
                    session.rollback();
                    return false;
                }
                String origin = dead.getStringProperty(ORIGINAL_ADDRESS);
                if (origin == null) {
                    session.rollback();
                    throw new IllegalStateException(messageId + " in " + QUEUE + " does not say where it came from");
                }
                TextMessage copy = session.createTextMessage(dead.getBody(String.class));
                copy.setStringProperty("JMSXGroupID", dead.getStringProperty("JMSXGroupID"));
                for (String property : List.of(OutboxConsumer.CATEGORY, OutboxConsumer.SHARD_SCOPE,
                        OutboxConsumer.SHARD_ID, OutboxConsumer.OBJECT_ID)) {
                    copy.setObjectProperty(property, dead.getObjectProperty(property));
                }
                session.createProducer().send(session.createQueue(origin), copy);
                session.commit();
                return true;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not replay " + messageId + " from " + QUEUE, e);
        }
    }

    private static DeadLetter describe(Message message) throws JMSException {
        return new DeadLetter(message.getJMSMessageID(), message.getStringProperty(ORIGINAL_ADDRESS),
                message.getStringProperty(OutboxConsumer.CATEGORY),
                message.getStringProperty(OutboxConsumer.SHARD_SCOPE) + ":" + message.getStringProperty(OutboxConsumer.SHARD_ID),
                message.propertyExists(OutboxConsumer.OBJECT_ID) ? message.getLongProperty(OutboxConsumer.OBJECT_ID) : 0,
                message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 0);
    }
}
