package io.silo.region.issue.service;

import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.project.model.Project;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the issues of one organization as Sentry's issue lists show them: filtered by an {@link IssueSearch},
 * seen within a period, in one {@link IssueSort} and paged by a keyset cursor (the sort key, then the id), so a
 * page stays stable while new events arrive. Every query names the organization: an issue of another
 * organization is never found.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IssueReads {

    /**
     * An issue's columns, with the metadata of its latest event: a subquery in the select list, which PostgreSQL
     * evaluates after the sort and limit, so only for the rows of the page.
     */
    private static final String COLUMNS = """
            SELECT i.id, i.project_id, p.slug, p.name, i.short_number, i.title, i.culprit, i.level, i.status, i.platform,
                   CAST(extract(epoch FROM i.first_seen) * 1000000 AS bigint), CAST(extract(epoch FROM i.last_seen) * 1000000 AS bigint),
                   i.times_seen, i.user_count, i.first_release, i.last_release,
                   (SELECT CAST(jsonb_build_object('type', e.exception_type, 'value', e.exception_value,
                                                   'frames', e.top_frames) AS text)
                      FROM region.event e WHERE e.issue_id = i.id ORDER BY e.id DESC LIMIT 1)
              FROM region.issue i JOIN region.project p ON p.id = i.project_id
            """;

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    /** One page of the organization's issues ({@code projectIds} empty: of every project). */
    public CursorPage<IssueRow> page(long organizationId, List<Long> projectIds, IssueSearch search, Duration period,
                                     IssueSort sort, Cursor cursor, int limit) {
        NativeSql sql = new NativeSql().append(COLUMNS);
        sql.append(" WHERE i.organization_id = " + sql.bind(organizationId));
        if (!projectIds.isEmpty()) {
            sql.append(" AND i.project_id IN " + sql.bindAll(projectIds));
        }
        sql.append(" AND i.last_seen >= " + timestamp(sql, IssueRow.micros(Instant.now().minus(period))));
        search.conditions().forEach(condition -> where(sql, condition));
        if (!cursor.isStart()) {
            String key = sort.isTimestamp() ? timestamp(sql, cursor.key()) : sql.bind(cursor.key());
            sql.append(" AND (" + sort.column() + ", i.id) " + (cursor.backwards() ? ">" : "<")
                    + " (" + key + ", " + sql.bind(cursor.id()) + ")");
        }
        String direction = cursor.backwards() ? " ASC" : " DESC";
        sql.append(" ORDER BY " + sort.column() + direction + ", i.id" + direction + " LIMIT " + sql.bind(limit + 1));
        List<IssueRow> rows = rows(sql);
        return CursorPage.of(cursor, limit, rows, sort::keyOf, IssueRow::id);
    }

    /** The organization's issue with this id. */
    public Optional<IssueRow> find(long organizationId, long issueId) {
        NativeSql sql = new NativeSql().append(COLUMNS);
        sql.append(" WHERE i.organization_id = " + sql.bind(organizationId) + " AND i.id = " + sql.bind(issueId));
        return rows(sql).stream().findFirst();
    }

    /** The ids of a project's issues that meet the search's conditions, at most 1,000. */
    public List<Long> idsMatching(long organizationId, long projectId, IssueSearch search) {
        NativeSql sql = new NativeSql().append("SELECT i.id FROM region.issue i JOIN region.project p ON p.id = i.project_id");
        sql.append(" WHERE i.organization_id = " + sql.bind(organizationId) + " AND i.project_id = " + sql.bind(projectId));
        search.conditions().forEach(condition -> where(sql, condition));
        sql.append(" ORDER BY i.id LIMIT 1000");
        @SuppressWarnings("unchecked")
        List<Object> ids = sql.create(entityManager).getResultList();
        return ids.stream().map(IssueReads::number).toList();
    }

    /** The organization's issue with this short id ({@code WEB-12}). */
    public Optional<IssueRow> findByShortId(long organizationId, ShortId shortId) {
        NativeSql sql = new NativeSql().append(COLUMNS);
        sql.append(" WHERE i.organization_id = " + sql.bind(organizationId));
        where(sql, new IssueSearch.ShortIdIs(shortId));
        return rows(sql).stream().findFirst();
    }

    /** The id of the organization's project with this slug; 404 if it has none. */
    public long projectId(long organizationId, String slug) {
        return entityManager.createNamedQuery(Project.BY_SLUG, Project.class)
                .setParameter("organizationId", organizationId)
                .setParameter("slug", slug)
                .getResultList().stream().findFirst().map(Project::id)
                .orElseThrow(() -> ApiException.notFound("No such project"));
    }

    private static void where(NativeSql sql, IssueSearch.Condition condition) {
        if (condition instanceof IssueSearch.StatusIn status) {
            sql.append(" AND i.status IN " + sql.bindAll(status.statuses()));
        } else if (condition instanceof IssueSearch.LevelIn level) {
            sql.append(" AND i.level IN " + sql.bindAll(level.levels()));
        } else if (condition instanceof IssueSearch.FirstReleaseIn first) {
            sql.append(" AND i.first_release IN " + sql.bindAll(first.versions()));
        } else if (condition instanceof IssueSearch.ShortIdIs shortId) {
            sql.append(" AND p.slug = " + sql.bind(shortId.shortId().projectSlug()) + " AND i.short_number = "
                    + sql.bind(shortId.shortId().number()));
        } else if (condition instanceof IssueSearch.TagIn tag) {
            sql.append(" AND EXISTS (SELECT 1 FROM region.event e WHERE e.issue_id = i.id AND " + eventTag(sql, tag) + ")");
        } else if (condition instanceof IssueSearch.TextContains text) {
            String pattern = "%" + text.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (i.title ILIKE " + sql.bind(pattern) + " OR i.culprit ILIKE " + sql.bind(pattern)
                    + " OR EXISTS (SELECT 1 FROM region.event e WHERE e.issue_id = i.id AND e.message ILIKE "
                    + sql.bind(pattern) + "))");
        }
    }

    /** Environment and release have their own event columns; other tags are in the event's tag object. */
    private static String eventTag(NativeSql sql, IssueSearch.TagIn tag) {
        return switch (tag.key()) {
            case "environment" -> "e.environment IN " + sql.bindAll(tag.values());
            case "release" -> "e.release IN " + sql.bindAll(tag.values());
            default -> "e.tags ->> " + sql.bind(tag.key()) + " IN " + sql.bindAll(tag.values());
        };
    }

    /** A timestamptz parameter from microseconds since the epoch, exact (no floating point on the way). */
    private static String timestamp(NativeSql sql, long micros) {
        return "(timestamptz 'epoch' + CAST(" + sql.bind(micros) + " AS bigint) * interval '1 microsecond')";
    }

    private List<IssueRow> rows(NativeSql sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        return rows.stream().map(IssueReads::row).toList();
    }

    private static IssueRow row(Object[] row) {
        return new IssueRow(number(row[0]), number(row[1]), (String) row[2], (String) row[3], number(row[4]),
                (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                IssueRow.fromMicros(number(row[10])), IssueRow.fromMicros(number(row[11])), number(row[12]), number(row[13]),
                (String) row[14], (String) row[15], IssueMetadata.fromJson((String) row[16]));
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
