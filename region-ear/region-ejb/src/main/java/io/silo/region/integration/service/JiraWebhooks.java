package io.silo.region.integration.service;

import io.silo.common.outbox.payload.WebhookDelivery;
import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.model.IssueStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Jira webhooks in a region: an update of a Jira issue ({@code jira:issue_updated}) or of its comments
 * ({@code comment_created}, …) is recorded on the issues linked to its key; a status change moves a linked issue
 * to resolved when the Jira status's category is "done" and back to unresolved otherwise (if the installation
 * syncs status).
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JiraWebhooks {

    @EJB
    LinkedIssues linked;

    public void process(WebhookDelivery delivery) {
        JsonObject payload = DeliveryPayload.of(delivery);
        JsonObject issue = payload.get("issue") instanceof JsonObject object ? object : null;
        String key = LinkedIssues.text(issue, "key");
        if (key.isEmpty()) {
            return;
        }
        String event = LinkedIssues.text(payload, "webhookEvent").replaceFirst("^jira:", "");
        JsonObject fields = issue.get("fields") instanceof JsonObject object ? object : null;
        JsonObject status = fields != null && fields.get("status") instanceof JsonObject object ? object : null;
        JsonObject category = status != null && status.get("statusCategory") instanceof JsonObject object ? object : null;
        JsonArrayBuilder changes = Json.createArrayBuilder();
        boolean statusChanged = false;
        if (payload.get("changelog") instanceof JsonObject changelog && changelog.get("items") instanceof jakarta.json.JsonArray items) {
            for (JsonValue item : items) {
                if (item instanceof JsonObject change) {
                    changes.add(Json.createObjectBuilder().add("field", LinkedIssues.text(change, "field"))
                            .add("from", LinkedIssues.text(change, "fromString"))
                            .add("to", LinkedIssues.text(change, "toString")));
                    statusChanged |= "status".equals(LinkedIssues.text(change, "field"));
                }
            }
        }
        JsonObject comment = payload.get("comment") instanceof JsonObject object ? object : null;
        JsonObject user = payload.get("user") instanceof JsonObject object ? object
                : comment != null && comment.get("author") instanceof JsonObject author ? author : null;
        JsonObject data = Json.createObjectBuilder().add("key", key)
                .add("summary", LinkedIssues.text(fields, "summary"))
                .add("status", LinkedIssues.text(status, "name"))
                .add("statusCategory", LinkedIssues.text(category, "key"))
                .add("changes", changes)
                .add("comment", LinkedIssues.text(comment, "body"))
                .add("user", LinkedIssues.text(user, "displayName")).build();
        Optional<IssueStatus> reported = !statusChanged || category == null ? Optional.empty()
                : Optional.of("done".equals(LinkedIssues.text(category, "key")) ? IssueStatus.RESOLVED
                        : IssueStatus.UNRESOLVED);
        linked.record(delivery, key, "jira." + (event.isEmpty() ? "unknown" : event), data, reported);
    }
}
