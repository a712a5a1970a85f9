package io.silo.region.issue.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.web.ApiException;
import io.silo.region.issue.model.IssueStatus;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.replication.service.ControlDirectoryOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Resolves, ignores or reopens an issue, and tells control's audit index ({@code issue.resolved},
 * {@code issue.ignored}, {@code issue.unresolved}) in the same transaction. Setting the status an issue already
 * has changes nothing and audits nothing. One conditional UPDATE that raises the row's version, as ingestion's
 * counters do (IssueCounters): an event arriving meanwhile neither fails this change nor is failed by it.
 */
@Stateless
@RegionSilo
public class IssueStatusChanges {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IssueReads issues;

    @EJB
    ControlDirectoryOutbox outbox;

    @EJB
    IdGenerator ids;

    @EJB
    IssueActivities activities;

    @Inject
    SiloIdentity silo;

    /** The issue after the change; 404 if the organization has no such issue, 400 for an unknown status. */
    public IssueRow change(OrganizationContext organization, long issueId, String value, String ipAddress) {
        IssueStatus status = IssueStatus.fromValue(value)
                .orElseThrow(() -> ApiException.invalidField("status", "must be one of resolved, unresolved, ignored"));
        boolean changed = update(organization.organizationId(), issueId, status);
        IssueRow issue = issues.find(organization.organizationId(), issueId)
                .orElseThrow(() -> ApiException.notFound("No such issue"));
        if (changed) {
            audit(organization.organizationId(), organization.actorUserId().orElse(null), status, ipAddress,
                    "Issue " + issue.id() + " in project " + issue.projectSlug());
            activities.record(organization.organizationId(), issueId, "set_" + status.value(),
                    Json.createObjectBuilder().add("actor", organization.actorUserId().map(String::valueOf).orElse(""))
                            .build().toString(), null);
        }
        return issue;
    }

    /**
     * Sets the status an integrated tool reported (a linked Jira issue done, a GitHub issue reopened), with no
     * actor and {@code source} (the tool's item) in the audit entry; whether the status changed.
     */
    public boolean changeByIntegration(long organizationId, long issueId, IssueStatus status, String source,
                                       long deliveryId) {
        boolean changed = update(organizationId, issueId, status);
        if (changed) {
            audit(organizationId, null, status, null, "Issue " + issueId + " by " + source);
            activities.record(organizationId, issueId, "set_" + status.value(),
                    Json.createObjectBuilder().add("source", source).build().toString(), deliveryId);
        }
        return changed;
    }

    private boolean update(long organizationId, long issueId, IssueStatus status) {
        NativeSql update = new NativeSql();
        update.append("UPDATE region.issue SET status = " + update.bind(status.value()) + ", version = version + 1"
                + " WHERE organization_id = " + update.bind(organizationId)
                + " AND id = " + update.bind(issueId) + " AND status <> " + update.bind(status.value()));
        return update.create(entityManager).executeUpdate() > 0;
    }

    private void audit(long organizationId, Long actorUserId, IssueStatus status, String ipAddress, String description) {
        outbox.audited(new RegionAuditEntry(ids.nextId(), silo.region().orElseThrow(), organizationId, actorUserId, null,
                "issue." + status.value(), ipAddress, description, Instant.now()));
    }
}
