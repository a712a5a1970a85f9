package io.silo.region.integration.service;

import io.silo.common.outbox.WebhookDelivery;
import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.model.IssueStatus;
import io.silo.region.issue.service.IssueActivities;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IssueActivities activities;

    @EJB
    IssueStatusChanges statusChanges;

    /** Records the event on the issues linked to {@code key}; how many issues it reached. */
    public int record(WebhookDelivery delivery, String key, String kind, JsonObject data, Optional<IssueStatus> status) {
        if (key == null || delivery.organizationIds().isEmpty()) {
            return 0;
        }
        StringBuilder organizations = new StringBuilder();
        for (int i = 0; i < delivery.organizationIds().size(); i++) {
            organizations.append(i == 0 ? "?" : ", ?").append(i + 4);
        }
        var query = entityManager.createNativeQuery("""
                SELECT l.organization_id, l.issue_id, r.config
                FROM region.issue_external_link l
                JOIN region.organization_integration_replica r
                  ON r.organization_id = l.organization_id AND r.integration_id = l.integration_id AND r.status = 'active'
                WHERE l.integration_id = ?1 AND l.provider = ?2 AND l.external_key = ?3
                  AND l.organization_id IN (""" + organizations + ") ORDER BY l.issue_id")
                .setParameter(1, delivery.integrationId())
                .setParameter(2, delivery.provider())
                .setParameter(3, key);
        for (int i = 0; i < delivery.organizationIds().size(); i++) {
            query.setParameter(i + 4, delivery.organizationIds().get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> linked = query.getResultList();
        String text = data.toString();
        for (Object[] row : linked) {
            long organizationId = ((Number) row[0]).longValue();
            long issueId = ((Number) row[1]).longValue();
            activities.record(organizationId, issueId, kind, text, delivery.deliveryId());
            if (status.isPresent() && syncsStatus((String) row[2])) {
                statusChanges.changeByIntegration(organizationId, issueId, status.get(),
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
