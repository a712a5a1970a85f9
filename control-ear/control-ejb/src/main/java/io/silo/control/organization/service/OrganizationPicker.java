package io.silo.control.organization.service;

import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.model.OrganizationStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * A user's organizations across every region, from control's directory alone (no call to any region): the
 * mappings of the organizations the user is a member of, once their region has created them.
 */
@Stateless
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrganizationPicker {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    public List<OrganizationMapping> organizationsOf(long userId) {
        return entityManager.createNamedQuery(OrganizationMapping.OF_USER, OrganizationMapping.class)
                .setParameter("userId", userId)
                .getResultStream()
                .filter(mapping -> mapping.status() != OrganizationStatus.PROVISIONING)
                .toList();
    }

    /** The regions holding at least one of the user's organizations, by name. */
    public List<String> regionsOf(long userId) {
        return organizationsOf(userId).stream().map(OrganizationMapping::region).distinct().sorted().toList();
    }
}
