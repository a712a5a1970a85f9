package io.silo.control.organization.service;

import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.model.OrganizationStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Set;

/**
 * Who may act on an active organization in control's own endpoints (integrations, organization tokens), from
 * control's directory and the member mappings its regions report: no call to the region. Anyone whose role does
 * not suffice gets 404, exactly as for an organization that does not exist.
 */
@Stateless
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrganizationRoles {

    private static final Set<String> MANAGING_ROLES = Set.of("owner", "manager");
    private static final String NO_SUCH_ORGANIZATION = "No such organization";

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    /** The active organization with this slug, of which the user is an owner or a manager. */
    public OrganizationMapping managedBy(long userId, String slug) {
        OrganizationMapping organization = active(slug);
        if (rolesOf(userId, organization).stream().noneMatch(MANAGING_ROLES::contains)) {
            throw ApiException.notFound(NO_SUCH_ORGANIZATION);
        }
        return organization;
    }

    /** The active organization with this slug, of which the user is a member in any role. */
    public OrganizationMapping joinedBy(long userId, String slug) {
        OrganizationMapping organization = active(slug);
        if (rolesOf(userId, organization).isEmpty()) {
            throw ApiException.notFound(NO_SUCH_ORGANIZATION);
        }
        return organization;
    }

    private OrganizationMapping active(String slug) {
        return entityManager.createNamedQuery(OrganizationMapping.BY_SLUG, OrganizationMapping.class)
                .setParameter("slug", slug)
                .getResultStream()
                .filter(mapping -> mapping.status() == OrganizationStatus.ACTIVE)
                .findFirst()
                .orElseThrow(() -> ApiException.notFound(NO_SUCH_ORGANIZATION));
    }

    private List<String> rolesOf(long userId, OrganizationMapping organization) {
        return entityManager.createQuery("SELECT m.role FROM OrganizationMemberMapping m"
                        + " WHERE m.organizationId = :organizationId AND m.userId = :userId AND m.removed = false",
                        String.class)
                .setParameter("organizationId", organization.id())
                .setParameter("userId", userId)
                .getResultList();
    }
}
