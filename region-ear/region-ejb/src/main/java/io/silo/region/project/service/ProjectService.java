package io.silo.region.project.service;

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
import io.silo.region.projectkey.service.ProjectKeyService;
import io.silo.region.team.model.Team;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An organization's projects: members read them, admins and above manage them. A new project gets its first
 * client key, "Default", as in Sentry; a deleted one takes its keys (tombstones to control), issues and events.
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ProjectService {

    /** The label of the key every new project gets. */
    public static final String FIRST_KEY = "Default";

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    @EJB
    ProjectKeyService keys;

    public CursorPage<Project> page(OrganizationContext context, Cursor cursor, int limit) {
        return OrganizationRows.page(entityManager, Project.class, "organizationId", context.organizationId(),
                cursor, limit, Project::id);
    }

    /** The organization's project with this slug, or 404. */
    public Project find(OrganizationContext context, String slug) {
        return OrganizationRows.bySlug(entityManager, Project.class, context.organizationId(), slug)
                .orElseThrow(() -> ApiException.notFound("No such project"));
    }

    /** The organization's project with this slug or (all digits) id, if it has one: how sentry-cli names projects. */
    public Optional<Project> findBySlugOrId(OrganizationContext context, String slugOrId) {
        Optional<Project> bySlug = OrganizationRows.bySlug(entityManager, Project.class, context.organizationId(),
                slugOrId);
        if (bySlug.isPresent() || !slugOrId.matches("[0-9]{1,18}")) {
            return bySlug;
        }
        return Optional.ofNullable(entityManager.find(Project.class, Long.parseLong(slugOrId)))
                .filter(project -> project.organizationId() == context.organizationId());
    }

    /** The teams (present ones) the project belongs to, by slug. */
    public List<Team> teamsOf(Project project) {
        return project.teamIds().stream().map(id -> entityManager.find(Team.class, id)).filter(Objects::nonNull)
                .sorted((a, b) -> a.slug().compareTo(b.slug())).toList();
    }

    public Project create(OrganizationContext context, Team team, String slug, String name, String platform) {
        context.requireRole(MemberRole.ADMIN);
        OrganizationRows.requireFreeSlug(entityManager, Project.class, context.organizationId(), slug, "project");
        Project project = new Project(ids.nextId(), context.organizationId(), slug, name, platform,
                OffsetDateTime.now(ZoneOffset.UTC));
        project.addTeam(team.id());
        entityManager.persist(project);
        directory.audited(context, "project.created", null, slug);
        keys.create(context, project, FIRST_KEY);
        return project;
    }

    /** Changes what is given; {@code platform} only when {@code changePlatform} (null clears it). */
    public Project update(OrganizationContext context, Project project, String slug, String name,
                          boolean changePlatform, String platform) {
        context.requireRole(MemberRole.ADMIN);
        String newSlug = slug == null ? project.slug() : slug;
        if (!newSlug.equals(project.slug())) {
            OrganizationRows.requireFreeSlug(entityManager, Project.class, context.organizationId(), newSlug,
                    "project");
        }
        project.update(newSlug, name == null ? project.name() : name,
                changePlatform ? platform : project.platform().orElse(null));
        directory.audited(context, "project.updated", null, newSlug);
        return project;
    }

    public void delete(OrganizationContext context, Project project) {
        context.requireRole(MemberRole.ADMIN);
        for (ProjectKey key : keys.all(project)) {
            keys.delete(context, key);
        }
        directory.audited(context, "project.removed", null, project.slug());
        entityManager.remove(project);
    }
}
