package io.silo.region.integration.service;

import io.silo.common.outbox.payload.WebhookDelivery;
import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.model.IssueStatus;
import io.silo.region.issue.service.IssueActivities;
import io.silo.region.issue.service.IssueLinks;
import io.silo.region.issue.service.IssueStatusChanges;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * What a tool's webhook did to the issues linked to one of its items (issue_external_link): the event is recorded
 * as activity of every linked issue of the delivery's organizations, and a status the tool reports (a Jira issue
 * done, a GitHub issue closed or reopened) is applied to the issue when the organization's installation asks for
 * it with the config {@code sync_status_reverse: true}, as Sentry's Jira integration does.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class LinkedIssues {

    static final String SYNC_STATUS = "sync_status_reverse";

    @EJB
    IssueLinks links;

    @EJB
    IssueActivities activities;

    @EJB
    IssueStatusChanges statusChanges;

    /** Records the event on the issues linked to {@code key}; how many issues it reached. */
    public int record(WebhookDelivery delivery, String key, String kind, JsonObject data, Optional<IssueStatus> status) {
        if (key == null) {
            return 0;
        }
        List<IssueLinks.LinkedIssue> linked = links.linkedTo(delivery.organizationIds(), delivery.integrationId(),
                delivery.provider(), key);
        String text = data.toString();
        for (IssueLinks.LinkedIssue issue : linked) {
            activities.record(issue.organizationId(), issue.issueId(), kind, text, delivery.deliveryId());
            if (status.isPresent() && syncsStatus(issue.installationConfig())) {
                statusChanges.changeByIntegration(issue.organizationId(), issue.issueId(), status.get(),
                        delivery.provider() + " " + key, delivery.deliveryId());
            }
        }
        return linked.size();
    }

    /** Whether an installation's config (a JSON object of strings) turns status sync on. */
    static boolean syncsStatus(String config) {
        try (JsonReader reader = Json.createReader(new StringReader(config == null ? "{}" : config))) {
            JsonValue value = reader.readObject().get(SYNC_STATUS);
            return value == JsonValue.TRUE || value instanceof JsonString text && "true".equalsIgnoreCase(text.getString());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return false;
        }
    }

    /** A string member of a JSON object, or {@code ""}. */
    static String text(JsonObject object, String name) {
        return object != null && object.get(name) instanceof JsonString value ? value.getString() : "";
    }
}
