package io.silo.region.issue.service;

import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the events of one organization's issues and projects; never another organization's. */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IssueEvents {

    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String COLUMNS = """
            SELECT e.id, replace(CAST(e.event_id AS text), '-', ''), e.issue_id, e.project_id,
                   CAST(extract(epoch FROM e.occurred_at) * 1000000 AS bigint),
                   CAST(extract(epoch FROM e.received_at) * 1000000 AS bigint),
                   e.level, e.platform, e.environment, e.release, e.title, e.message,
                   CAST(e.tags AS text), CAST(e.body -> 'user' AS text)
            """;

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IssueReads issues;

    /** The events of the organization's issue, newest first; 404 if it has no such issue. */
    public CursorPage<EventRow> page(long organizationId, long issueId, Cursor cursor, int limit) {
        requireIssue(organizationId, issueId);
        NativeSql sql = new NativeSql().append(COLUMNS).append(" FROM region.event e");
        sql.append(" WHERE e.organization_id = " + sql.bind(organizationId) + " AND e.issue_id = " + sql.bind(issueId));
        if (!cursor.isStart()) {
            sql.append(" AND e.id " + (cursor.backwards() ? ">" : "<") + " " + sql.bind(cursor.id()));
        }
        sql.append(" ORDER BY e.id " + (cursor.backwards() ? "ASC" : "DESC") + " LIMIT " + sql.bind(limit + 1));
        return CursorPage.of(cursor, limit, rows(sql, false), EventRow::id);
    }

    /**
     * The event {@code eventId} (32 hexadecimal digits, dashes allowed as in a UUID) of the organization's
     * project, with its whole body.
     */
    public Optional<EventRow> find(long organizationId, long projectId, String eventId) {
        String hex = eventHex(eventId);
        NativeSql sql = new NativeSql().append(COLUMNS).append(", CAST(e.body AS text) FROM region.event e");
        sql.append(" WHERE e.organization_id = " + sql.bind(organizationId) + " AND e.project_id = " + sql.bind(projectId)
                + " AND e.event_id = CAST(" + sql.bind(hex) + " AS uuid)");
        return rows(sql, true).stream().findFirst();
    }

    /**
     * One event of the organization's issue with its whole body and the ids of the events received just before and
     * after it: {@code which} is {@code latest}, {@code oldest} or the event's id (32 hexadecimal digits).
     */
    public Optional<EventInIssue> inIssue(long organizationId, long issueId, String which) {
        IssueRow issue = requireIssue(organizationId, issueId);
        NativeSql sql = new NativeSql().append(COLUMNS).append(", CAST(e.body AS text) FROM region.event e");
        sql.append(" WHERE e.organization_id = " + sql.bind(organizationId) + " AND e.issue_id = " + sql.bind(issueId));
        switch (which) {
            case "latest" -> sql.append(" ORDER BY e.id DESC LIMIT 1");
            case "oldest" -> sql.append(" ORDER BY e.id ASC LIMIT 1");
            default -> sql.append(" AND e.project_id = " + sql.bind(issue.projectId())
                    + " AND e.event_id = CAST(" + sql.bind(eventHex(which)) + " AS uuid)");
        }
        return rows(sql, true).stream().findFirst().map(event -> new EventInIssue(event,
                neighbour(organizationId, issueId, event.id(), "<", "DESC"),
                neighbour(organizationId, issueId, event.id(), ">", "ASC")));
    }

    private Optional<String> neighbour(long organizationId, long issueId, long eventRowId, String comparison,
                                       String order) {
        NativeSql sql = new NativeSql().append("SELECT replace(CAST(e.event_id AS text), '-', '') FROM region.event e");
        sql.append(" WHERE e.organization_id = " + sql.bind(organizationId) + " AND e.issue_id = " + sql.bind(issueId)
                + " AND e.id " + comparison + " " + sql.bind(eventRowId) + " ORDER BY e.id " + order + " LIMIT 1");
        @SuppressWarnings("unchecked")
        List<String> ids = sql.create(entityManager).getResultList();
        return ids.stream().findFirst();
    }

    private IssueRow requireIssue(long organizationId, long issueId) {
        return issues.find(organizationId, issueId).orElseThrow(() -> ApiException.notFound("No such issue"));
    }

    private static String eventHex(String eventId) {
        String hex = eventId.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        if (!EVENT_ID.matcher(hex).matches()) {
            throw ApiException.invalidField("event_id", "must be 32 hexadecimal digits, latest or oldest");
        }
        return hex;
    }

    private List<EventRow> rows(NativeSql sql, boolean withBody) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        return rows.stream().map(row -> new EventRow(IssueReads.number(row[0]), (String) row[1],
                IssueReads.number(row[2]), IssueReads.number(row[3]), IssueRow.fromMicros(IssueReads.number(row[4])),
                IssueRow.fromMicros(IssueReads.number(row[5])), (String) row[6], (String) row[7], (String) row[8],
                (String) row[9], (String) row[10], (String) row[11], (String) row[12], (String) row[13],
                withBody ? Optional.ofNullable((String) row[14]) : Optional.empty())).toList();
    }
}
