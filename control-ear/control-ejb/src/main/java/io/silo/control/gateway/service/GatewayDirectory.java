package io.silo.control.gateway.service;

import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.projectkey.model.ProjectKeyMapping;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** What the API gateway reads from control's directory to route a request: an organization's or a DSN key's region. */
@Stateless
@ControlSilo
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class GatewayDirectory {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    /** The organization with this slug, or whose old slug this is while it is kept as an alias after a rename. */
    public Optional<OrganizationRoute> organization(String slug) {
        String wanted = slug.toLowerCase(Locale.ROOT);
        return entityManager.createNamedQuery(OrganizationMapping.BY_SLUG, OrganizationMapping.class)
                .setParameter("slug", wanted).getResultStream().findFirst()
                .or(() -> entityManager.createNamedQuery(OrganizationMapping.BY_LIVE_ALIAS, OrganizationMapping.class)
                        .setParameter("slug", wanted)
                        .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .getResultStream().findFirst())
                .map(mapping -> new OrganizationRoute(mapping.region(), mapping.status(), mapping.slug()));
    }

    /** The region of a DSN's public key that is not removed. */
    public Optional<String> regionOfPublicKey(String publicKey) {
        return entityManager.createNamedQuery(ProjectKeyMapping.LIVE_BY_PUBLIC_KEY, ProjectKeyMapping.class)
                .setParameter("publicKey", publicKey).getResultStream().findFirst().map(ProjectKeyMapping::region);
    }
}
