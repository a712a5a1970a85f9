package io.silo.region.integration.service;

import io.silo.common.outbox.UnappliableMessageException;
import io.silo.common.outbox.payload.WebhookDelivery;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** A webhook delivery's body as the JSON object control verified; a body that is not one can never be applied. */
final class DeliveryPayload {

    private DeliveryPayload() {
    }

    static JsonObject of(WebhookDelivery delivery) {
        try (JsonReader reader = Json.createReader(new StringReader(delivery.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new UnappliableMessageException(delivery.provider() + " webhook " + delivery.deliveryId()
                    + " is not a JSON object");
        }
    }
}
