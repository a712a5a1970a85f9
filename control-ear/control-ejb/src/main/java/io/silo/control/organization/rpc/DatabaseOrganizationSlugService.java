package io.silo.control.organization.rpc;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.organization.OrganizationSlugService;
import io.silo.common.rpc.organization.RpcSlugChange;
import io.silo.common.rpc.organization.SlugUnavailableException;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.SlugRules;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Control's {@link OrganizationSlugService}: a rename swaps the claims atomically in one transaction — the new
 * slug becomes the organization's PRIMARY claim (the slug's primary key lets exactly one of concurrent claims
 * win, creations included), the old one a TEMPORARY_ALIAS that redirects until it expires and reconciliation
 * releases it — and the mapping takes the new slug at once.
 */
@Stateless
@RpcImplementation
@ControlSilo
public class DatabaseOrganizationSlugService implements OrganizationSlugService {

    @PersistenceContext(unitName = "control")
    EntityManager entityManager;

    @Inject
    SlugRules slugs;

    @EJB
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "silo.organizations.slug-alias-lifetime", defaultValue = "P30D")
    Duration aliasLifetime;

    @Override
    public RpcSlugChange rename(long organizationId, String newSlug) {
        OrganizationMapping mapping = entityManager.find(OrganizationMapping.class, organizationId,
                LockModeType.PESSIMISTIC_WRITE);
        if (mapping == null) {
            throw new SlugUnavailableException("No organization " + organizationId + " in control's directory");
        }
        String previous = mapping.slug();
        if (previous.equals(newSlug)) {
            return new RpcSlugChange(newSlug, null, null);
        }
        try {
            slugs.validate(newSlug);
        } catch (ApiException e) {
            throw new SlugUnavailableException(e.problem().detail());
        }
        boolean mappedElsewhere = entityManager.createNamedQuery(OrganizationMapping.BY_SLUG, OrganizationMapping.class)
                .setParameter("slug", newSlug).getResultStream().anyMatch(other -> other.id() != organizationId);
        if (mappedElsewhere || entityManager.createNativeQuery("""
                INSERT INTO control.slug_reservation (slug, organization_id, region, kind) VALUES (?1, ?2, ?3, 'PRIMARY')
                ON CONFLICT (slug) DO UPDATE SET kind = 'PRIMARY', lease_expires_at = NULL
                WHERE slug_reservation.organization_id = excluded.organization_id
                """)
                .setParameter(1, newSlug)
                .setParameter(2, organizationId)
                .setParameter(3, mapping.region())
                .executeUpdate() == 0) {
            throw new SlugUnavailableException("The slug '" + newSlug + "' is already taken");
        }
        OffsetDateTime aliasExpiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(aliasLifetime);
        entityManager.createNativeQuery("""
                INSERT INTO control.slug_reservation (slug, organization_id, region, kind, lease_expires_at)
                VALUES (?1, ?2, ?3, 'TEMPORARY_ALIAS', ?4)
                ON CONFLICT (slug) DO UPDATE SET kind = 'TEMPORARY_ALIAS', lease_expires_at = excluded.lease_expires_at
                WHERE slug_reservation.organization_id = excluded.organization_id
                """)
                .setParameter(1, previous)
                .setParameter(2, organizationId)
                .setParameter(3, mapping.region())
                .setParameter(4, aliasExpiresAt)
                .executeUpdate();
        mapping.changeSlug(newSlug);
        audit.record(AuditEvent.ORGANIZATION_SLUG_CHANGED, null, null, null, "organization " + organizationId
                + " renamed from " + previous + " to " + newSlug + "; the old slug redirects until " + aliasExpiresAt);
        return new RpcSlugChange(newSlug, previous, aliasExpiresAt.toInstant());
    }
}
