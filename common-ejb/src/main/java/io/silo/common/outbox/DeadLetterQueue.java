package io.silo.common.outbox;

import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dead-letter queue ({@code DLQ}) of this silo's own broker, where outbox messages that could not be
 * applied are parked: browse them, put one back on the queue it came from (replay), or drop it (discard).
 * Replay and discard each take the one message in a transacted session, so two operators acting at once
 * cannot replay a message twice. Messages parked by {@link OutboxConsumer} carry why and after how many
 * deliveries; those the broker parked itself (its max-delivery-attempts) carry their original queue only.
 */
@AllSilos
@ApplicationScoped
public class DeadLetterQueue {

    public static final String QUEUE = "DLQ";

    static final String ORIGINAL_QUEUE = "siloOriginalQueue";
    static final String REASON = "siloDeadLetterReason";
    static final String DELIVERIES = "siloDeliveryCount";
    static final String REPLAYS = "siloReplays";
    /** Set by Artemis on a message it moved to the dead-letter address itself. */
    private static final String BROKER_ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final int PAYLOAD_START_BYTES = 1024;
    private static final long RECEIVE_MILLIS = 2000;

    @Inject
    ConnectionFactory ownBroker;

    /** Up to {@code limit} parked messages, oldest first. */
    public List<DeadLetter> browse(int limit) {
        try (JMSContext session = ownBroker.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(QUEUE))) {
            List<DeadLetter> letters = new ArrayList<>();
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements() && letters.size() < limit) {
                letters.add(describe((Message) messages.nextElement()));
            }
            return letters;
        } catch (JMSException e) {
            throw new IllegalStateException("Could not browse " + QUEUE, e);
        }
    }

    /**
     * Sends the parked message back to the queue it came from, to be applied again (and parked again if it
     * still fails). Empty if no such message is parked.
     */
    public Optional<DeadLetter> replay(String messageId) {
        return take(messageId, (session, message) -> {
            String queue = originalQueue(message).orElseThrow(() -> ApiException.conflict(
                    "Dead letter " + messageId + " does not say which queue it came from; it cannot be replayed"));
            Message again = copy(session, message);
            again.setIntProperty(REPLAYS, replaysOf(message) + 1);
            session.createProducer().send(session.createQueue(queue), again);
        });
    }

    /** Removes the parked message for good. Empty if no such message is parked. */
    public Optional<DeadLetter> discard(String messageId) {
        return take(messageId, (session, message) -> {
        });
    }

    private interface Disposal {
        void dispose(JMSContext session, Message message) throws JMSException;
    }

    private Optional<DeadLetter> take(String messageId, Disposal disposal) {
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            return Optional.empty();
        }
        try (JMSContext session = ownBroker.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue dlq = session.createQueue(QUEUE);
            try (JMSConsumer consumer = session.createConsumer(dlq, "JMSMessageID = 'ID:" + messageId + "'")) {
                Message message = consumer.receive(RECEIVE_MILLIS);
                if (message == null) {
                    session.rollback();
                    return Optional.empty();
                }
                DeadLetter letter = describe(message);
                disposal.dispose(session, message);
                session.commit();
                return Optional.of(letter);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Could not take message " + messageId + " from " + QUEUE, e);
        }
    }

    /**
     * Parks {@code message}, which failed on {@code queue}, in DLQ within the consumer's transacted session:
     * the caller's commit both removes it from its queue and adds the copy here.
     */
    static void park(JMSContext session, Message message, String queue, String reason, int deliveries)
            throws JMSException {
        Message parked = copy(session, message);
        parked.setStringProperty(ORIGINAL_QUEUE, queue);
        parked.setStringProperty(REASON, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        parked.setIntProperty(DELIVERIES, deliveries);
        parked.setIntProperty(REPLAYS, replaysOf(message));
        session.createProducer().send(session.createQueue(QUEUE), parked);
    }

    /** A new text message with the body and Silo's properties (shard, category, object, group) of {@code original}. */
    private static Message copy(JMSContext session, Message original) throws JMSException {
        TextMessage copy = session.createTextMessage(original.getBody(String.class));
        for (Enumeration<?> names = original.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (name.startsWith("silo") && !name.equals(REASON) && !name.equals(DELIVERIES) && !name.equals(ORIGINAL_QUEUE)) {
                copy.setObjectProperty(name, original.getObjectProperty(name));
            }
        }
        String group = original.getStringProperty("JMSXGroupID");
        if (group != null) {
            copy.setStringProperty("JMSXGroupID", group);
        }
        return copy;
    }

    private static DeadLetter describe(Message message) throws JMSException {
        String id = message.getJMSMessageID();
        String body = message.getBody(String.class);
        return new DeadLetter(id != null && id.startsWith("ID:") ? id.substring(3) : id,
                message.getStringProperty(OutboxConsumer.CATEGORY), message.getStringProperty(OutboxConsumer.SHARD_SCOPE),
                longProperty(message, OutboxConsumer.SHARD_ID), longProperty(message, OutboxConsumer.OBJECT_ID),
                originalQueue(message).orElse(null),
                message.propertyExists(DELIVERIES) ? message.getIntProperty(DELIVERIES) : null,
                replaysOf(message), message.getStringProperty(REASON),
                message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null,
                body == null ? null : start(body));
    }

    private static Optional<String> originalQueue(Message message) throws JMSException {
        String ours = message.getStringProperty(ORIGINAL_QUEUE);
        return Optional.ofNullable(ours != null ? ours : message.getStringProperty(BROKER_ORIGINAL_QUEUE));
    }

    private static int replaysOf(Message message) throws JMSException {
        return message.propertyExists(REPLAYS) ? message.getIntProperty(REPLAYS) : 0;
    }

    private static Long longProperty(Message message, String name) throws JMSException {
        return message.propertyExists(name) ? message.getLongProperty(name) : null;
    }

    /** The first KiB of the payload, cut at a character boundary. */
    private static String start(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= PAYLOAD_START_BYTES) {
            return body;
        }
        int end = PAYLOAD_START_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
