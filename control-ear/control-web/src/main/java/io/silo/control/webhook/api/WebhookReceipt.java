package io.silo.control.webhook.api;

import io.silo.control.webhook.service.WebhookIngress.Routed;
import java.util.List;

/** What the ingress answers a provider: the delivery's id and the regions it was queued for (none: unroutable). */
public record WebhookReceipt(String id, List<String> regions, boolean routed) {

    public static WebhookReceipt of(Routed routed) {
        return new WebhookReceipt(String.valueOf(routed.deliveryId()), routed.regions(), !routed.regions().isEmpty());
    }
}
