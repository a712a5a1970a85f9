package io.silo.region.integration.service;

import io.silo.common.outbox.payload.WebhookDelivery;
import io.silo.common.silo.RegionSilo;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Slack events in a region, for messages linked to issues ({@code channel:ts} of the alert posted about an issue):
 * a reply in the message's thread ({@code message} with {@code thread_ts}) and a reaction to it
 * ({@code reaction_added}, {@code reaction_removed}) are recorded on the linked issues. Other events are only
 * recorded as delivered.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class SlackWebhooks {

    @EJB
    LinkedIssues linked;

    public void process(WebhookDelivery delivery) {
        JsonObject payload = DeliveryPayload.of(delivery);
        if (!(payload.get("event") instanceof JsonObject event)) {
            return;
        }
        String type = LinkedIssues.text(event, "type");
        switch (type) {
            case "message" -> {
                String thread = LinkedIssues.text(event, "thread_ts");
                if (!thread.isEmpty() && !thread.equals(LinkedIssues.text(event, "ts"))) {
                    linked.record(delivery, LinkedIssues.text(event, "channel") + ":" + thread, "slack.reply",
                            Json.createObjectBuilder().add("user", LinkedIssues.text(event, "user"))
                                    .add("text", LinkedIssues.text(event, "text")).build(), Optional.empty());
                }
            }
            case "reaction_added", "reaction_removed" -> {
                JsonObject item = event.get("item") instanceof JsonObject object ? object : null;
                linked.record(delivery, LinkedIssues.text(item, "channel") + ":" + LinkedIssues.text(item, "ts"),
                        "slack." + type, Json.createObjectBuilder().add("user", LinkedIssues.text(event, "user"))
                                .add("reaction", LinkedIssues.text(event, "reaction")).build(), Optional.empty());
            }
            default -> {
                // recorded as delivered (webhook_delivery), nothing else to keep
            }
        }
    }
}
