package io.silo.region.issue.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * An issue's activity: what people and integrated tools did to it outside its events. Written in the caller's
 * transaction (a link, a status change, a webhook's effect); read newest first with keyset cursors.
 */
@Stateless
@RegionSilo
public class IssueActivities {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IssueReads issues;

    @EJB
    IdGenerator ids;

    /** Records {@code kind} with {@code data} (a JSON object as text) on the issue; {@code deliveryId} may be null. */
    public void record(long organizationId, long issueId, String kind, String data, Long deliveryId) {
        NativeSql insert = new NativeSql();
        insert.append("INSERT INTO region.issue_activity (id, organization_id, issue_id, kind, data, delivery_id) VALUES ("
                + insert.bind(ids.nextId()) + ", " + insert.bind(organizationId) + ", " + insert.bind(issueId) + ", "
                + insert.bind(kind) + ", CAST(" + insert.bind(data) + " AS jsonb), "
                + (deliveryId == null ? "NULL" : insert.bind(deliveryId)) + ")");
        insert.create(entityManager).executeUpdate();
    }

    /** The activity of the organization's issue, newest first; 404 if it has no such issue. */
    public CursorPage<IssueActivityRow> page(long organizationId, long issueId, Cursor cursor, int limit) {
        if (issues.find(organizationId, issueId).isEmpty()) {
            throw ApiException.notFound("No such issue");
        }
        NativeSql sql = new NativeSql().append("SELECT a.id, a.issue_id, a.kind, CAST(a.data AS text),"
                + " CAST(extract(epoch FROM a.created_at) * 1000000 AS bigint)"
                + " FROM region.issue_activity a");
        sql.append(" WHERE a.organization_id = " + sql.bind(organizationId) + " AND a.issue_id = " + sql.bind(issueId));
        if (!cursor.isStart()) {
            sql.append(" AND a.id " + (cursor.backwards() ? ">" : "<") + " " + sql.bind(cursor.id()));
        }
        sql.append(" ORDER BY a.id " + (cursor.backwards() ? "ASC" : "DESC") + " LIMIT " + sql.bind(limit + 1));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        return CursorPage.of(cursor, limit, rows.stream().map(row -> new IssueActivityRow(IssueReads.number(row[0]),
                IssueReads.number(row[1]), (String) row[2], (String) row[3], IssueRow.fromMicros(IssueReads.number(row[4])))).toList(),
                IssueActivityRow::id);
    }
}
