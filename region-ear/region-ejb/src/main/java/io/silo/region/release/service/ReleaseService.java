package io.silo.region.release.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.common.web.TextRules;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.RegionDirectoryChanges;
import io.silo.region.project.model.Project;
import io.silo.region.release.model.Deploy;
import io.silo.region.release.model.Release;
import io.silo.region.release.model.ReleaseCommit;
import io.silo.region.release.model.Repository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An organization's releases (Sentry's), their projects, commits and deploys. Members create and change them; a
 * release that events name cannot be deleted. Ingestion creates a release on the first event naming its version
 * (see {@code EventStore}), so creating one here is an insert that yields to it: a second create of a version,
 * from the API or from ingestion, adds its projects to the release that exists. Changes are audited to control.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ReleaseService {

    /** Sentry's bound on the commits of one release. */
    public static final int MAX_COMMITS = 10_000;

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    /** A commit as a release is given it ({@code commits}: sentry-cli's local git history). */
    public record CommitInput(String repository, String sha, String authorName, String authorEmail, String message,
                              OffsetDateTime timestamp) {
    }

    /** A repository's head commit for the release ({@code refs}: {@code sentry-cli releases set-commits --commit}). */
    public record RefInput(String repository, String commit, String previousCommit) {
    }

    /** What a create or an update may set; null (or an empty optional for the lists) leaves a field as it is. */
    public record ReleaseChanges(String ref, String url, OffsetDateTime dateStarted, Optional<OffsetDateTime> dateReleased,
                                 List<Project> projects, Optional<List<RefInput>> refs,
                                 Optional<List<CommitInput>> commits) {
    }

    /** The result of a create: the release, and whether it is new (201) or existed already (208, Sentry's answer). */
    public record Saved(Release release, boolean created) {
    }

    /** Newest first; {@code project} limits the list to the releases of one project, {@code query} to versions containing it. */
    public CursorPage<Release> page(OrganizationContext context, Optional<Project> project, String query, Cursor cursor,
                                    int limit) {
        String order = cursor.backwards() ? "r.id > :id ORDER BY r.id ASC" : "r.id < :id ORDER BY r.id DESC";
        String ofProject = project.isPresent() ? " AND EXISTS (SELECT p FROM ReleaseProject p WHERE p.organizationId"
                + " = r.organizationId AND p.version = r.version AND p.projectId = :projectId)" : "";
        var select = entityManager.createQuery("SELECT r FROM Release r WHERE r.organizationId = :organizationId"
                        + ofProject + " AND LOWER(r.version) LIKE :pattern ESCAPE '\\' AND " + order, Release.class)
                .setParameter("organizationId", context.organizationId())
                .setParameter("pattern", "%" + escapeLike(query == null ? "" : query.toLowerCase(Locale.ROOT)) + "%")
                .setParameter("id", cursor.id())
                .setMaxResults(limit + 1);
        project.ifPresent(p -> select.setParameter("projectId", p.id()));
        return CursorPage.of(cursor, limit, select.getResultList(), Release::id);
    }

    /** The organization's release of this version, or 404. */
    public Release find(OrganizationContext context, String version) {
        return byVersion(context.organizationId(), version)
                .orElseThrow(() -> ApiException.notFound("No release " + version + " in this organization"));
    }

    /**
     * A release of {@code version} for the projects given (at least one). When it exists already its projects are
     * added and its commits set if given, and nothing else changes.
     */
    public Saved create(OrganizationContext context, String version, ReleaseChanges changes) {
        ReleaseVersions.requireValid(version);
        if (changes.projects().isEmpty()) {
            throw ApiException.invalidField("projects", "name at least one project of the release");
        }
        boolean created = entityManager.createNativeQuery("INSERT INTO region.release (id, organization_id, version)"
                        + " VALUES (?1, ?2, ?3) ON CONFLICT (organization_id, version) DO NOTHING")
                .setParameter(1, ids.nextId()).setParameter(2, context.organizationId()).setParameter(3, version)
                .executeUpdate() == 1;
        Release release = find(context, version);
        if (created) {
            release.describe(changes.ref(), changes.url());
            release.start(changes.dateStarted());
            changes.dateReleased().ifPresent(release::release);
        }
        changes.projects().forEach(project -> addProject(release, project));
        changes.refs().ifPresent(refs -> setRefs(release, refs));
        changes.commits().ifPresent(commits -> setCommits(release, commits));
        directory.audited(context, created ? "release.created" : "release.updated", null, version);
        entityManager.flush();
        return new Saved(release, created);
    }

    public Release update(OrganizationContext context, Release release, ReleaseChanges changes) {
        release.describe(changes.ref(), changes.url());
        if (changes.dateStarted() != null) {
            release.start(changes.dateStarted());
        }
        changes.dateReleased().ifPresent(release::release);
        changes.projects().forEach(project -> addProject(release, project));
        changes.refs().ifPresent(refs -> setRefs(release, refs));
        changes.commits().ifPresent(commits -> setCommits(release, commits));
        directory.audited(context, release.dateReleased() != null && changes.dateReleased().isPresent()
                ? "release.finalized" : "release.updated", null, release.version());
        entityManager.flush();
        return release;
    }

    /** Removes a release no event names (400 otherwise: its issues and events keep their release). */
    public void delete(OrganizationContext context, Release release) {
        boolean named = !entityManager.createNativeQuery("SELECT 1 FROM region.release_project WHERE organization_id"
                        + " = ?1 AND version = ?2 AND first_event IS NOT NULL LIMIT 1")
                .setParameter(1, context.organizationId()).setParameter(2, release.version()).getResultList().isEmpty();
        if (named) {
            throw ApiException.badRequest("Release " + release.version() + " is named by events and cannot be removed");
        }
        entityManager.createQuery("DELETE FROM ReleaseProject p WHERE p.organizationId = :organizationId"
                        + " AND p.version = :version")
                .setParameter("organizationId", context.organizationId()).setParameter("version", release.version())
                .executeUpdate();
        entityManager.remove(release);
        directory.audited(context, "release.removed", null, release.version());
    }

    public List<Deploy> deploys(Release release) {
        return entityManager.createNamedQuery(Deploy.OF_RELEASE, Deploy.class).setParameter("releaseId", release.id())
                .getResultList();
    }

    /** A deploy of the release to {@code environment}, finished now unless {@code dateFinished} says when. */
    public Deploy deploy(OrganizationContext context, Release release, String environment, String name, String url,
                         OffsetDateTime dateStarted, OffsetDateTime dateFinished) {
        if (environment == null || environment.isBlank() || environment.length() > 64 || environment.contains("/")
                || !environment.matches(TextRules.SINGLE_LINE)) {
            throw ApiException.invalidField("environment", "name the environment: 1 to 64 characters, no '/' or"
                    + " control characters");
        }
        OffsetDateTime finished = dateFinished != null ? dateFinished : OffsetDateTime.now(ZoneOffset.UTC);
        if (dateStarted != null && dateStarted.isAfter(finished)) {
            throw ApiException.invalidField("dateStarted", "must not be after dateFinished");
        }
        Deploy deploy = new Deploy(ids.nextId(), release, environment, name, url, dateStarted, finished);
        entityManager.persist(deploy);
        directory.audited(context, "release.deployed", null, release.version() + " " + environment);
        return deploy;
    }

    public List<ReleaseCommit> commits(Release release) {
        return entityManager.createNamedQuery(ReleaseCommit.OF_RELEASE, ReleaseCommit.class)
                .setParameter("releaseId", release.id()).getResultList();
    }

    /**
     * The release before this one (created earlier, sharing a project) that has commits: where sentry-cli stops
     * walking the local history for this release's commits.
     */
    public Optional<Release> previousWithCommits(Release release) {
        return entityManager.createQuery("SELECT r FROM Release r WHERE r.organizationId = :organizationId"
                        + " AND r.id <> :id AND (r.dateCreated < :created OR (r.dateCreated = :created AND r.id < :id))"
                        + " AND EXISTS (SELECT c FROM ReleaseCommit c WHERE c.releaseId = r.id)"
                        + " AND EXISTS (SELECT p FROM ReleaseProject p, ReleaseProject q WHERE p.organizationId ="
                        + " r.organizationId AND p.version = r.version AND q.organizationId = r.organizationId"
                        + " AND q.version = :version AND q.projectId = p.projectId)"
                        + " ORDER BY r.dateCreated DESC, r.id DESC", Release.class)
                .setParameter("organizationId", release.organizationId()).setParameter("id", release.id())
                .setParameter("created", release.dateCreated()).setParameter("version", release.version())
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The organization's repositories, by name. */
    public List<Repository> repositories(OrganizationContext context) {
        return entityManager.createQuery("SELECT r FROM Repository r WHERE r.organizationId = :organizationId"
                        + " ORDER BY r.name", Repository.class)
                .setParameter("organizationId", context.organizationId()).getResultList();
    }

    private Optional<Release> byVersion(long organizationId, String version) {
        return entityManager.createNamedQuery(Release.BY_VERSION, Release.class)
                .setParameter("organizationId", organizationId).setParameter("version", version)
                .getResultList().stream().findFirst();
    }

    private void addProject(Release release, Project project) {
        entityManager.createNativeQuery("INSERT INTO region.release_project (id, organization_id, project_id, version)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (project_id, version) DO NOTHING")
                .setParameter(1, ids.nextId()).setParameter(2, release.organizationId()).setParameter(3, project.id())
                .setParameter(4, release.version()).executeUpdate();
    }

    /** Each repository's head commit becomes the release's commits; a repository must be known (400 otherwise). */
    private void setRefs(Release release, List<RefInput> refs) {
        List<String> unknown = refs.stream().map(RefInput::repository)
                .filter(name -> repository(release.organizationId(), name).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalidField("refs", "Invalid repository names: " + String.join(", ", unknown));
        }
        setCommits(release, refs.stream().map(ref -> new CommitInput(ref.repository(), ref.commit(), null, null, null,
                null)).toList());
    }

    /** Replaces the release's commits; a repository a commit names that the organization lacks is created. */
    private void setCommits(Release release, List<CommitInput> commits) {
        if (commits.size() > MAX_COMMITS) {
            throw ApiException.invalidField("commits", "at most " + MAX_COMMITS + " commits per release");
        }
        for (CommitInput commit : commits) {
            if (commit.sha() == null || commit.sha().isBlank() || commit.sha().length() > 64) {
                throw ApiException.invalidField("commits", "every commit needs an id of 1 to 64 characters");
            }
            if (commit.repository() == null || commit.repository().isBlank() || commit.repository().length() > 200) {
                throw ApiException.invalidField("commits", "every commit needs a repository name of 1 to 200 characters");
            }
        }
        entityManager.createQuery("DELETE FROM ReleaseCommit c WHERE c.releaseId = :releaseId")
                .setParameter("releaseId", release.id()).executeUpdate();
        List<ReleaseCommit> added = new ArrayList<>();
        for (CommitInput commit : commits) {
            Repository repository = repository(release.organizationId(), commit.repository())
                    .orElseGet(() -> createRepository(release.organizationId(), commit.repository()));
            added.add(new ReleaseCommit(ids.nextId(), release.id(), added.size(), repository.id(), commit.sha(),
                    limited(commit.authorName(), 200), limited(commit.authorEmail(), 200), limited(commit.message(), 10_000),
                    commit.timestamp()));
        }
        added.forEach(entityManager::persist);
    }

    private Optional<Repository> repository(long organizationId, String name) {
        return entityManager.createNamedQuery(Repository.BY_NAME, Repository.class)
                .setParameter("organizationId", organizationId).setParameter("name", name)
                .getResultList().stream().findFirst();
    }

    private Repository createRepository(long organizationId, String name) {
        entityManager.createNativeQuery("INSERT INTO region.repository (id, organization_id, name) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (organization_id, name) DO NOTHING")
                .setParameter(1, ids.nextId()).setParameter(2, organizationId).setParameter(3, name).executeUpdate();
        return repository(organizationId, name).orElseThrow();
    }

    private static String limited(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
