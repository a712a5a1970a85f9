package io.silo.region.team.service;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.member.model.MemberRole;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.OrganizationRows;
import io.silo.region.organization.service.RegionDirectoryChanges;
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

/** An organization's teams: members read them, admins and above manage them. */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TeamService {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    IdGenerator ids;

    @EJB
    RegionDirectoryChanges directory;

    public CursorPage<Team> page(OrganizationContext context, Cursor cursor, int limit) {
        return OrganizationRows.page(entityManager, Team.class, "organizationId", context.organizationId(), cursor,
                limit, Team::id);
    }

    /** The organization's team with this slug, or 404. */
    public Team find(OrganizationContext context, String slug) {
        return OrganizationRows.bySlug(entityManager, Team.class, context.organizationId(), slug)
                .orElseThrow(() -> ApiException.notFound("No such team"));
    }

    /** Every team of the organization, by slug. */
    public List<Team> all(long organizationId) {
        return entityManager.createNamedQuery(Team.ALL_OF_ORGANIZATION, Team.class)
                .setParameter("organizationId", organizationId).getResultList();
    }

    /** The organization's team with this slug, or 400 naming {@code field}: a request named a team that is not there. */
    public Team named(OrganizationContext context, String slug, String field) {
        return OrganizationRows.bySlug(entityManager, Team.class, context.organizationId(), slug)
                .orElseThrow(() -> ApiException.invalidField(field, "no team '" + slug + "' in this organization"));
    }

    /** A new team; its creator, if a member, joins it (as in Sentry). */
    public Team create(OrganizationContext context, String slug, String name) {
        context.requireRole(MemberRole.ADMIN);
        OrganizationRows.requireFreeSlug(entityManager, Team.class, context.organizationId(), slug, "team");
        Team team = new Team(ids.nextId(), context.organizationId(), slug, name, OffsetDateTime.now(ZoneOffset.UTC));
        context.member().ifPresent(member -> team.addMember(member.id()));
        entityManager.persist(team);
        directory.audited(context, "team.created", null, slug);
        return team;
    }

    public Team update(OrganizationContext context, Team team, String slug, String name) {
        context.requireRole(MemberRole.ADMIN);
        String newSlug = slug == null ? team.slug() : slug;
        if (!newSlug.equals(team.slug())) {
            OrganizationRows.requireFreeSlug(entityManager, Team.class, context.organizationId(), newSlug,
                    "team");
        }
        team.rename(newSlug, name == null ? team.name() : name);
        directory.audited(context, "team.updated", null, newSlug);
        return team;
    }

    /** Removes the team; its memberships and project links go with it (the database cascades), its projects stay. */
    public void delete(OrganizationContext context, Team team) {
        context.requireRole(MemberRole.ADMIN);
        entityManager.remove(team);
        directory.audited(context, "team.removed", null, team.slug());
    }
}
