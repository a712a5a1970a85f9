package io.silo.region.projectkey.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.member.model.MemberRole;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.OrganizationRows;
import io.silo.region.organization.service.RegionDirectoryChanges;
import io.silo.region.project.model.Project;
import io.silo.region.projectkey.model.ProjectKey;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A project's client keys (DSNs). Members read them, admins and above manage them. Every change reaches
 * control's project-key mapping in the same transaction, so ingestion through control follows it.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ProjectKeyService {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    public CursorPage<ProjectKey> page(Project project, Cursor cursor, int limit) {
        return OrganizationRows.page(entityManager, ProjectKey.class, "projectId", project.id(), cursor, limit,
                ProjectKey::id);
    }

    public List<ProjectKey> all(Project project) {
        return entityManager.createNamedQuery(ProjectKey.OF_PROJECT, ProjectKey.class)
                .setParameter("projectId", project.id()).getResultList();
    }

    /** The project's key with this public key (Sentry's key id), or 404. */
    public ProjectKey find(Project project, String publicKey) {
        return entityManager.createNamedQuery(ProjectKey.BY_PUBLIC_KEY, ProjectKey.class)
                .setParameter("publicKey", publicKey)
                .getResultList().stream().filter(key -> key.projectId() == project.id()).findFirst()
                .orElseThrow(() -> ApiException.notFound("No such key"));
    }

    /** A new active key (see {@link ProjectKey#generate}). */
    public ProjectKey create(OrganizationContext context, Project project, String name) {
        context.requireRole(MemberRole.ADMIN);
        ProjectKey key = ProjectKey.generate(ids.nextId(), project.id(), project.organizationId(), name,
                OffsetDateTime.now(ZoneOffset.UTC));
        entityManager.persist(key);
        directory.projectKeyChanged(key, false);
        directory.audited(context, "project-key.created", null, project.slug() + " " + name);
        return key;
    }

    /**
     * Changes what is given: {@code name}, {@code active}; {@code limit} when {@code changeLimit} (a null limit
     * removes it).
     */
    public ProjectKey update(OrganizationContext context, ProjectKey key, String name, Boolean active,
                             boolean changeLimit, RateLimit limit) {
        context.requireRole(MemberRole.ADMIN);
        if (name != null) {
            key.relabel(name);
        }
        if (active != null) {
            key.activate(active);
        }
        if (changeLimit) {
            key.limitRate(limit == null ? null : limit.count(), limit == null ? null : limit.windowSeconds());
        }
        directory.projectKeyChanged(key, false);
        directory.audited(context, "project-key.updated", null, key.label());
        return key;
    }

    public void delete(OrganizationContext context, ProjectKey key) {
        context.requireRole(MemberRole.ADMIN);
        directory.projectKeyChanged(key, true);
        directory.audited(context, "project-key.removed", null, key.label());
        entityManager.remove(key);
    }

    /** Events accepted per window: {@code count} per {@code windowSeconds}. */
    public record RateLimit(int count, int windowSeconds) {
    }
}
