package io.silo.region.release.service;

import io.silo.common.persistence.NativeSql;
import io.silo.common.silo.RegionSilo;
import io.silo.region.release.model.Release;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a release shows beside its own fields, for a page of releases at once (a fixed number of queries per page,
 * not per release): its projects and their new issues, its first and last event (kept per project by ingestion),
 * its newest commit and its last deploy with their counts.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReleaseReads {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    /** A project of a release, with the issues first seen in this release ({@code newGroups}). */
    public record ReleaseProjectRow(long id, String slug, String name, String platform, long newGroups) {
    }

    public record CommitRow(String sha, String message, String authorName, String authorEmail, Instant dateCommitted,
                            long repositoryId, String repositoryName) {
    }

    public record DeployRow(long id, String environment, String name, String url, Instant dateStarted,
                            Instant dateFinished) {
    }

    /** Everything a release's view needs that is not in its row. */
    public record ReleaseFacts(List<ReleaseProjectRow> projects, Optional<Instant> firstEvent,
                               Optional<Instant> lastEvent, Optional<CommitRow> lastCommit, long commitCount,
                               Optional<DeployRow> lastDeploy, long deployCount) {

        public long newGroups() {
            return projects.stream().mapToLong(ReleaseProjectRow::newGroups).sum();
        }
    }

    /** The facts of each release (of one organization), by release id. */
    public Map<Long, ReleaseFacts> of(long organizationId, List<Release> releases) {
        Map<Long, ReleaseFacts> facts = new HashMap<>();
        if (releases.isEmpty()) {
            return facts;
        }
        Map<String, List<ReleaseProjectRow>> projects = projects(organizationId, releases);
        Map<String, Instant[]> events = events(organizationId, releases);
        Map<Long, Object[]> commits = lastCommits(releases);
        Map<Long, Object[]> deploys = lastDeploys(releases);
        for (Release release : releases) {
            Instant[] seen = events.getOrDefault(release.version(), new Instant[2]);
            Object[] commit = commits.get(release.id());
            Object[] deploy = deploys.get(release.id());
            facts.put(release.id(), new ReleaseFacts(projects.getOrDefault(release.version(), List.of()),
                    Optional.ofNullable(seen[0]), Optional.ofNullable(seen[1]),
                    Optional.ofNullable(commit).map(row -> new CommitRow((String) row[1], (String) row[2], (String) row[3],
                            (String) row[4], instant(row[5]), number(row[6]), (String) row[7])),
                    commit == null ? 0 : number(commit[8]),
                    Optional.ofNullable(deploy).map(row -> new DeployRow(number(row[1]), (String) row[2], (String) row[3],
                            (String) row[4], instant(row[5]), instant(row[6]))),
                    deploy == null ? 0 : number(deploy[7])));
        }
        return facts;
    }

    private Map<String, List<ReleaseProjectRow>> projects(long organizationId, List<Release> releases) {
        NativeSql sql = new NativeSql();
        sql.append("SELECT rp.version, p.id, p.slug, p.name, p.platform,"
                + " (SELECT count(*) FROM region.issue i WHERE i.organization_id = rp.organization_id"
                + " AND i.first_release = rp.version AND i.project_id = p.id)"
                + " FROM region.release_project rp JOIN region.project p ON p.id = rp.project_id"
                + " WHERE rp.organization_id = " + sql.bind(organizationId) + " AND rp.version IN "
                + sql.bindAll(releases.stream().map(Release::version).toList()) + " ORDER BY p.slug");
        Map<String, List<ReleaseProjectRow>> byVersion = new HashMap<>();
        for (Object[] row : rows(sql)) {
            byVersion.computeIfAbsent((String) row[0], version -> new ArrayList<>()).add(new ReleaseProjectRow(
                    number(row[1]), (String) row[2], (String) row[3], (String) row[4], number(row[5])));
        }
        return byVersion;
    }

    /** First and last event of each version, from its projects' links (the last to the minute). */
    private Map<String, Instant[]> events(long organizationId, List<Release> releases) {
        NativeSql sql = new NativeSql();
        sql.append("SELECT rp.version, " + micros("min(rp.first_event)") + ", " + micros("max(rp.last_event)")
                + " FROM region.release_project rp WHERE rp.organization_id = " + sql.bind(organizationId)
                + " AND rp.version IN " + sql.bindAll(releases.stream().map(Release::version).toList())
                + " GROUP BY rp.version");
        Map<String, Instant[]> byVersion = new HashMap<>();
        for (Object[] row : rows(sql)) {
            byVersion.put((String) row[0], new Instant[] {instant(row[1]), instant(row[2])});
        }
        return byVersion;
    }

    private Map<Long, Object[]> lastCommits(List<Release> releases) {
        NativeSql sql = new NativeSql();
        String ids = sql.bindAll(releases.stream().map(Release::id).toList());
        sql.append("SELECT c.release_id, c.sha, c.message, c.author_name, c.author_email, "
                + micros("c.date_committed") + ", r.id, r.name,"
                + " (SELECT count(*) FROM region.release_commit a WHERE a.release_id = c.release_id)"
                + " FROM region.release_commit c JOIN region.repository r ON r.id = c.repository_id"
                + " WHERE c.position = 0 AND c.release_id IN " + ids);
        Map<Long, Object[]> byRelease = new HashMap<>();
        rows(sql).forEach(row -> byRelease.put(number(row[0]), row));
        return byRelease;
    }

    private Map<Long, Object[]> lastDeploys(List<Release> releases) {
        NativeSql sql = new NativeSql();
        String ids = sql.bindAll(releases.stream().map(Release::id).toList());
        sql.append("SELECT DISTINCT ON (d.release_id) d.release_id, d.id, d.environment, d.name, d.url, "
                + micros("d.date_started") + ", " + micros("d.date_finished") + ","
                + " count(*) OVER (PARTITION BY d.release_id)"
                + " FROM region.deploy d WHERE d.release_id IN " + ids + " ORDER BY d.release_id, d.id DESC");
        Map<Long, Object[]> byRelease = new HashMap<>();
        rows(sql).forEach(row -> byRelease.put(number(row[0]), row));
        return byRelease;
    }

    /** A timestamp as microseconds since the epoch: exact, and the same type from every driver. */
    private static String micros(String timestamp) {
        return "CAST(extract(epoch FROM " + timestamp + ") * 1000000 AS bigint)";
    }

    private static Instant instant(Object micros) {
        return micros == null ? null : Instant.EPOCH.plus(number(micros), ChronoUnit.MICROS);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private List<Object[]> rows(NativeSql sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.create(entityManager).getResultList();
        return rows;
    }
}
