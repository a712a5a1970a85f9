package io.silo.region.organization.rpc;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.regionorganization.RegionOrganizationService;
import io.silo.common.rpc.regionorganization.RpcRegionOrganization;
import io.silo.common.silo.RegionSilo;
import io.silo.region.organization.model.Organization;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** This region's {@link RegionOrganizationService}, read from its organization table. */
@Stateless
@RpcImplementation
@RegionSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DatabaseRegionOrganizationService implements RegionOrganizationService {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    /** Answering at all means the region's server and database are up: one trivial query proves the latter. */
    @Override
    public boolean acceptsNewOrganizations() {
        return entityManager.createNativeQuery("SELECT 1").getSingleResult() != null;
    }

    @Override
    public Optional<RpcRegionOrganization> find(long organizationId) {
        return Optional.ofNullable(entityManager.find(Organization.class, organizationId))
                .map(organization -> new RpcRegionOrganization(organization.id(), organization.slug(),
                        organization.name(), organization.status().name(), organization.version()));
    }
}
