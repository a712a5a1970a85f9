package io.silo.region.organization.service;

import io.silo.common.auth.AccessPolicy;
import io.silo.common.auth.ApiPrincipal;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.member.model.MemberRole;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.model.Organization;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * The one check every organization-scoped endpoint of a region makes first: the organization named in the
 * path exists here and the caller belongs to it, or it answers 404 exactly as for an organization that does
 * not exist (never revealing another organization's existence); then, for changes, that the caller's role is
 * high enough (403).
 */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrganizationAccess {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @Inject
    CurrentRequest current;

    /** The organization with this slug as seen by the caller of the request being served. */
    public OrganizationContext enter(String slug) {
        return enter(current.requirePrincipal(), slug);
    }

    /** The organization with this slug as seen by {@code principal}, who must belong to it. */
    public OrganizationContext enter(ApiPrincipal principal, String slug) {
        List<Organization> found = entityManager.createNamedQuery(Organization.BY_SLUG, Organization.class)
                .setParameter("slug", slug)
                .getResultList();
        if (found.isEmpty()) {
            throw ApiException.notFound("No such organization");
        }
        Organization organization = found.get(0);
        Optional<OrganizationMember> member = principal.userId().flatMap(userId -> memberOf(organization.id(), userId));
        AccessPolicy.checkOrganization(principal, organization.id(), member.isPresent());
        return new OrganizationContext(organization, member, principal);
    }

    /** As {@link #enter}, and the caller's role must be at least {@code role} (an organization token passes). */
    public OrganizationContext enter(ApiPrincipal principal, String slug, MemberRole role) {
        OrganizationContext context = enter(principal, slug);
        context.requireRole(role);
        return context;
    }

    private Optional<OrganizationMember> memberOf(long organizationId, long userId) {
        return entityManager.createNamedQuery(OrganizationMember.OF_USER, OrganizationMember.class)
                .setParameter("organizationId", organizationId)
                .setParameter("userId", userId)
                .getResultList().stream().findFirst();
    }
}
