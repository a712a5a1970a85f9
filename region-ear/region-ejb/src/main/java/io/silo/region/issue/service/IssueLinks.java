package io.silo.region.issue.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.outbox.payload.RegionAuditEntry;
import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.web.ApiException;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.replication.service.ControlDirectoryOutbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Links an organization's issue to an item of an integration the organization installed (as control replicated
 * it: organization_integration_replica), so the tool's webhooks reach the issue: a Jira issue key, a GitHub
 * issue {@code owner/repo#number}, or a Slack message {@code channel:ts}. Linking the same item twice changes
 * nothing; every link and unlink is recorded as activity and audited in control.
 */
@Stateless
@RegionSilo
public class IssueLinks {

    private static final Map<String, Pattern> KEYS = Map.of(
            "jira", Pattern.compile("[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,17}"),
            "github", Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}#[1-9][0-9]{0,17}"),
            "slack", Pattern.compile("[CGD][A-Z0-9]{1,30}:[0-9]{1,12}\\.[0-9]{1,9}"));
    private static final Map<String, String> KEY_EXAMPLES = Map.of("jira", "an issue key such as OPS-12",
            "github", "owner/repository#number", "slack", "channel:ts of a message, such as C024BE91L:1700000000.000100");
    private static final String COLUMNS = "SELECT l.id, l.issue_id, l.integration_id, l.provider, l.external_key,"
            + " l.created_by, CAST(extract(epoch FROM l.created_at) * 1000000 AS bigint) FROM region.issue_external_link l";

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IssueReads issues;

    @EJB
    IssueActivities activities;

    @EJB
    ControlDirectoryOutbox outbox;

    @EJB
    IdGenerator ids;

    @Inject
    SiloIdentity silo;

    /** A link and whether this call made it (false: the issue already had it). */
    public record Linked(IssueLinkRow link, boolean created) {
    }

    /** An issue linked to a tool's item, with the config of its organization's (active) installation. */
    public record LinkedIssue(long organizationId, long issueId, String installationConfig) {
    }

    public Linked link(OrganizationContext organization, long issueId, long integrationId, String key, String ipAddress) {
        long organizationId = organization.organizationId();
        requireIssue(organizationId, issueId);
        String provider = installedProvider(organizationId, integrationId);
        if (key == null || !KEYS.get(provider).matcher(key).matches()) {
            throw ApiException.invalidField("key", "must be " + KEY_EXAMPLES.get(provider) + " for a " + provider
                    + " integration");
        }
        NativeSql insert = new NativeSql();
        insert.append("INSERT INTO region.issue_external_link (id, organization_id, issue_id, integration_id, provider,"
                + " external_key, created_by) VALUES (" + insert.bind(ids.nextId()) + ", " + insert.bind(organizationId)
                + ", " + insert.bind(issueId) + ", " + insert.bind(integrationId) + ", " + insert.bind(provider) + ", "
                + insert.bind(key) + ", " + organization.actorUserId().map(insert::bind).orElse("NULL")
                + ") ON CONFLICT (organization_id, integration_id, external_key, issue_id) DO NOTHING");
        boolean created = insert.create(entityManager).executeUpdate() > 0;
        NativeSql select = new NativeSql().append(COLUMNS);
        select.append(" WHERE l.organization_id = " + select.bind(organizationId) + " AND l.integration_id = "
                + select.bind(integrationId) + " AND l.external_key = " + select.bind(key) + " AND l.issue_id = "
                + select.bind(issueId));
        IssueLinkRow link = rows(select).get(0);
        if (created) {
            changed(organization, link, "linked", ipAddress);
        }
        return new Linked(link, created);
    }

    public List<IssueLinkRow> list(long organizationId, long issueId) {
        requireIssue(organizationId, issueId);
        NativeSql select = new NativeSql().append(COLUMNS);
        select.append(" WHERE l.organization_id = " + select.bind(organizationId) + " AND l.issue_id = "
                + select.bind(issueId) + " ORDER BY l.id");
        return rows(select);
    }

    /**
     * The issues of {@code organizationIds} linked to the item {@code key} of the integration, where the
     * organization's installation of it is active; in issue order.
     */
    public List<LinkedIssue> linkedTo(List<Long> organizationIds, long integrationId, String provider, String key) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        NativeSql select = new NativeSql().append("SELECT l.organization_id, l.issue_id, r.config"
                + " FROM region.issue_external_link l JOIN region.organization_integration_replica r"
                + " ON r.organization_id = l.organization_id AND r.integration_id = l.integration_id"
                + " AND r.status = 'active'");
        select.append(" WHERE l.integration_id = " + select.bind(integrationId) + " AND l.provider = "
                + select.bind(provider) + " AND l.external_key = " + select.bind(key)
                + " AND l.organization_id IN " + select.bindAll(organizationIds) + " ORDER BY l.issue_id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.create(entityManager).getResultList();
        return rows.stream().map(row -> new LinkedIssue(IssueReads.number(row[0]), IssueReads.number(row[1]),
                (String) row[2])).toList();
    }

    /** Removes the link {@code linkId} of the issue; 404 if the issue has no such link. */
    public void unlink(OrganizationContext organization, long issueId, long linkId, String ipAddress) {
        IssueLinkRow link = list(organization.organizationId(), issueId).stream().filter(row -> row.id() == linkId)
                .findFirst().orElseThrow(() -> ApiException.notFound("No such link of issue " + issueId));
        NativeSql delete = new NativeSql();
        delete.append("DELETE FROM region.issue_external_link WHERE id = " + delete.bind(linkId));
        if (delete.create(entityManager).executeUpdate() > 0) {
            changed(organization, link, "unlinked", ipAddress);
        }
    }

    private void changed(OrganizationContext organization, IssueLinkRow link, String what, String ipAddress) {
        activities.record(organization.organizationId(), link.issueId(), what, Json.createObjectBuilder()
                .add("provider", link.provider()).add("key", link.key())
                .add("integrationId", String.valueOf(link.integrationId()))
                .add("actor", organization.actorUserId().map(String::valueOf).orElse("")).build().toString(), null);
        outbox.audited(new RegionAuditEntry(ids.nextId(), silo.region().orElseThrow(), organization.organizationId(),
                organization.actorUserId().orElse(null), null, "issue." + what, ipAddress,
                "Issue " + link.issueId() + " and " + link.provider() + " " + link.key(), Instant.now()));
    }

    /** The provider of the integration {@code integrationId} if the organization has it installed and active. */
    private String installedProvider(long organizationId, long integrationId) {
        NativeSql select = new NativeSql();
        select.append("SELECT provider FROM region.organization_integration_replica WHERE organization_id = "
                + select.bind(organizationId) + " AND integration_id = " + select.bind(integrationId)
                + " AND status = 'active'");
        List<?> providers = select.create(entityManager).getResultList();
        return providers.stream().findFirst().map(String::valueOf).orElseThrow(() -> ApiException.invalidField("integrationId",
                        "is not an integration installed in this organization"));
    }

    private void requireIssue(long organizationId, long issueId) {
        if (issues.find(organizationId, issueId).isEmpty()) {
            throw ApiException.notFound("No such issue");
        }
    }

    private List<IssueLinkRow> rows(NativeSql sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        return rows.stream().map(row -> new IssueLinkRow(IssueReads.number(row[0]), IssueReads.number(row[1]),
                IssueReads.number(row[2]), (String) row[3], (String) row[4],
                row[5] == null ? null : IssueReads.number(row[5]), IssueRow.fromMicros(IssueReads.number(row[6]))))
                .toList();
    }
}
