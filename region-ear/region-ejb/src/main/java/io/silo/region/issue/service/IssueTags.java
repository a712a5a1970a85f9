package io.silo.region.issue.service;

import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag values of an issue's events with how often each was seen, for the issue page's tag bars (Sentry's
 * {@code GET …/issues/{id}/tags/}). Level, environment and release count as tags, as on an event. Counted over
 * the issue's newest {@value #SAMPLE} events, read through the issue's event index, so a page stays quick on an
 * issue with millions of events; below that every event counts.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class IssueTags {

    static final int SAMPLE = 10_000;
    private static final int TOP_VALUES = 9;

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IssueReads issues;

    /** Each tag key of the issue's events, most frequent first, with its top values. */
    public List<TagSummary> summarize(long organizationId, long issueId) {
        if (issues.find(organizationId, issueId).isEmpty()) {
            throw ApiException.notFound("No such issue");
        }
        NativeSql sql = new NativeSql().append("""
                SELECT t.key, t.value, count(*),
                       CAST(extract(epoch FROM min(e.occurred_at)) * 1000000 AS bigint),
                       CAST(extract(epoch FROM max(e.occurred_at)) * 1000000 AS bigint)
                FROM (SELECT tags, level, environment, release, occurred_at FROM region.event
                """);
        sql.append(" WHERE organization_id = " + sql.bind(organizationId) + " AND issue_id = " + sql.bind(issueId)
                + " ORDER BY id DESC LIMIT " + sql.bind(SAMPLE) + ") e");
        sql.append("""
                , LATERAL (SELECT key, value FROM jsonb_each_text(e.tags) WHERE key NOT IN ('level', 'environment', 'release')
                           UNION ALL SELECT 'level', e.level
                           UNION ALL SELECT 'environment', e.environment WHERE e.environment IS NOT NULL
                           UNION ALL SELECT 'release', e.release WHERE e.release IS NOT NULL) t
                GROUP BY t.key, t.value
                """);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        Map<String, List<TagSummary.Value>> byKey = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byKey.computeIfAbsent((String) row[0], key -> new ArrayList<>()).add(new TagSummary.Value((String) row[1],
                    IssueReads.number(row[2]), IssueRow.fromMicros(IssueReads.number(row[3])),
                    IssueRow.fromMicros(IssueReads.number(row[4]))));
        }
        List<TagSummary> tags = new ArrayList<>();
        byKey.forEach((key, values) -> {
            values.sort(Comparator.comparingLong(TagSummary.Value::count).reversed().thenComparing(TagSummary.Value::value));
            long total = values.stream().mapToLong(TagSummary.Value::count).sum();
            tags.add(new TagSummary(key, total, values.size(), List.copyOf(values.subList(0, Math.min(TOP_VALUES, values.size())))));
        });
        tags.sort(Comparator.comparingLong(TagSummary::totalValues).reversed().thenComparing(TagSummary::key));
        return tags;
    }
}
