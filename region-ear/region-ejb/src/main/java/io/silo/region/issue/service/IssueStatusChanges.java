package io.silo.region.issue.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.RegionAuditEntry;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.web.ApiException;
import io.silo.region.issue.model.IssueStatus;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.replication.service.ControlDirectoryOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
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

    @Inject
    SiloIdentity silo;

    /** The issue after the change; 404 if the organization has no such issue, 400 for an unknown status. */
    public IssueRow change(OrganizationContext organization, long issueId, String value, String ipAddress) {
        String status = IssueStatus.fromValue(value).map(IssueStatus::value)
                .orElseThrow(() -> ApiException.invalidField("status", "must be one of resolved, unresolved, ignored"));
        NativeSql update = new NativeSql();
        update.append("UPDATE region.issue SET status = " + update.bind(status) + ", version = version + 1"
                + " WHERE organization_id = " + update.bind(organization.organizationId())
                + " AND id = " + update.bind(issueId) + " AND status <> " + update.bind(status));
        boolean changed = update.create(entityManager).executeUpdate() > 0;
        IssueRow issue = issues.find(organization.organizationId(), issueId)
                .orElseThrow(() -> ApiException.notFound("No such issue"));
        if (changed) {
            outbox.audited(new RegionAuditEntry(ids.nextId(), silo.region().orElseThrow(), organization.organizationId(),
                    organization.actorUserId().orElse(null), null, "issue." + status, ipAddress,
                    "Issue " + issue.id() + " in project " + issue.projectSlug(), Instant.now()));
        }
        return issue;
    }
}
