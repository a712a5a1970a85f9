package io.silo.region.integration.service;

import io.silo.common.outbox.payload.WebhookDelivery;
import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.model.IssueStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * GitHub webhooks in a region, as GitHub would deliver them to a single-region installation: {@code push}
 * records its commits on the repository of every organization of this region that has the installation,
 * {@code pull_request} records the pull request's latest state, {@code issues} and {@code issue_comment} reach
 * the Silo issues linked to the GitHub issue (LinkedIssues). Other events are only recorded as delivered.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class GithubWebhooks {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    LinkedIssues linked;

    public void process(WebhookDelivery delivery) {
        JsonObject payload = DeliveryPayload.of(delivery);
        String repository = payload.getJsonObject("repository") == null ? null
                : payload.getJsonObject("repository").getString("full_name", null);
        if (repository == null) {
            return;
        }
        switch (String.valueOf(delivery.eventType())) {
            case "push" -> {
                for (long organizationId : delivery.organizationIds()) {
                    for (JsonValue commit : payload.getJsonArray("commits") == null ? java.util.List.<JsonValue>of()
                            : payload.getJsonArray("commits")) {
                        recordCommit(organizationId, repository, commit.asJsonObject(), delivery.deliveryId());
                    }
                }
            }
            case "pull_request" -> {
                JsonObject pull = payload.getJsonObject("pull_request");
                if (pull != null) {
                    for (long organizationId : delivery.organizationIds()) {
                        recordPullRequest(organizationId, repository, payload.getString("action", "unknown"), pull,
                                delivery.deliveryId());
                    }
                }
            }
            case "issues", "issue_comment" -> issueEvent(delivery, repository, payload);
            default -> {
                // recorded as delivered (webhook_delivery), nothing else to keep
            }
        }
    }

    /**
     * A GitHub issue's event ({@code issues}: opened, closed, reopened, …; {@code issue_comment}) on the issues
     * linked to {@code owner/repo#number}; closing resolves them and reopening unresolves them when the
     * installation syncs status.
     */
    private void issueEvent(WebhookDelivery delivery, String repository, JsonObject payload) {
        JsonObject issue = payload.getJsonObject("issue");
        if (issue == null || issue.getJsonNumber("number") == null) {
            return;
        }
        String action = payload.getString("action", "unknown");
        JsonObject comment = payload.get("comment") instanceof JsonObject object ? object : null;
        JsonObject sender = payload.get("sender") instanceof JsonObject object ? object : null;
        JsonObject data = Json.createObjectBuilder().add("key", repository + "#" + issue.getJsonNumber("number"))
                .add("action", action)
                .add("title", LinkedIssues.text(issue, "title"))
                .add("state", LinkedIssues.text(issue, "state"))
                .add("comment", LinkedIssues.text(comment, "body"))
                .add("user", LinkedIssues.text(sender, "login")).build();
        Optional<IssueStatus> reported = !"issues".equals(delivery.eventType()) ? Optional.empty()
                : switch (action) {
                    case "closed" -> Optional.of(IssueStatus.RESOLVED);
                    case "reopened" -> Optional.of(IssueStatus.UNRESOLVED);
                    default -> Optional.empty();
                };
        linked.record(delivery, data.getString("key"), "github." + delivery.eventType() + "." + action, data, reported);
    }

    private void recordCommit(long organizationId, String repository, JsonObject commit, long deliveryId) {
        JsonObject author = commit.getJsonObject("author");
        entityManager.createNativeQuery("""
                INSERT INTO region.repository_commit
                    (organization_id, repository, sha, message, author_name, author_email, delivery_id, committed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS timestamptz))
                ON CONFLICT (organization_id, repository, sha) DO NOTHING
                """)
                .setParameter(1, organizationId)
                .setParameter(2, repository)
                .setParameter(3, commit.getString("id", ""))
                .setParameter(4, commit.getString("message", ""))
                .setParameter(5, author == null ? null : author.getString("name", null))
                .setParameter(6, author == null ? null : author.getString("email", null))
                .setParameter(7, deliveryId)
                .setParameter(8, timestamp(commit.getString("timestamp", null)))
                .executeUpdate();
    }

    private void recordPullRequest(long organizationId, String repository, String action, JsonObject pull,
                                   long deliveryId) {
        JsonObject user = pull.getJsonObject("user");
        entityManager.createNativeQuery("""
                INSERT INTO region.pull_request
                    (organization_id, repository, number, title, state, last_action, author_login, delivery_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (organization_id, repository, number) DO UPDATE SET title = excluded.title,
                    state = excluded.state, last_action = excluded.last_action, delivery_id = excluded.delivery_id
                WHERE pull_request.delivery_id < excluded.delivery_id
                """)
                .setParameter(1, organizationId)
                .setParameter(2, repository)
                .setParameter(3, pull.getJsonNumber("number") == null ? 0L : pull.getJsonNumber("number").longValue())
                .setParameter(4, pull.getString("title", ""))
                .setParameter(5, pull.getString("state", "unknown"))
                .setParameter(6, action)
                .setParameter(7, user == null ? null : user.getString("login", null))
                .setParameter(8, deliveryId)
                .executeUpdate();
    }

    /** GitHub's ISO-8601 commit time as text for the cast, or null (bound as text, cast to timestamptz). */
    private static String timestamp(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
