package io.silo.control.organization.rpc;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.organization.OrganizationDirectoryService;
import io.silo.common.rpc.organization.RpcOrganizationMapping;
import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.model.OrganizationMapping;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Control's {@link OrganizationDirectoryService}: the organization and membership mappings the regions keep current. */
@Stateless
@RpcImplementation
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseOrganizationDirectoryService implements OrganizationDirectoryService {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Override
    public Optional<RpcOrganizationMapping> findById(long organizationId) {
        return Optional.ofNullable(entityManager.find(OrganizationMapping.class, organizationId))
                .map(DatabaseOrganizationDirectoryService::wire);
    }

    @Override
    public Optional<RpcOrganizationMapping> findBySlug(String slug) {
        return entityManager.createNamedQuery(OrganizationMapping.BY_SLUG, OrganizationMapping.class)
                .setParameter("slug", slug.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                .map(DatabaseOrganizationDirectoryService::wire);
    }

    @Override
    public List<RpcOrganizationMapping> listForUser(long userId) {
        return entityManager.createNamedQuery(OrganizationMapping.OF_USER, OrganizationMapping.class)
                .setParameter("userId", userId).getResultStream().map(DatabaseOrganizationDirectoryService::wire).toList();
    }

    private static RpcOrganizationMapping wire(OrganizationMapping mapping) {
        return new RpcOrganizationMapping(mapping.id(), mapping.slug(), mapping.name(), mapping.region(), mapping.status().name());
    }
}
