package io.silo.control.organization.rpc;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.organization.OrganizationSlugService;
import io.silo.common.rpc.organization.RpcSlugChange;
import io.silo.common.rpc.organization.SlugTakenException;
import io.silo.common.rpc.organization.SlugUnavailableException;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.audit.model.AuditEvent;
import io.silo.control.audit.service.AuditLog;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.SlugClaims;
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

    @EJB
    SlugClaims claims;

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
        if (mappedElsewhere || !claims.claimPrimary(newSlug, organizationId, mapping.region())) {
            throw new SlugTakenException("The slug '" + newSlug + "' is already taken");
        }
        OffsetDateTime aliasExpiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(aliasLifetime);
        claims.keepAsAlias(previous, organizationId, mapping.region(), aliasExpiresAt);
        mapping.changeSlug(newSlug);
        audit.record(AuditEvent.ORGANIZATION_SLUG_CHANGED, null, null, null, "organization " + organizationId
                + " renamed from " + previous + " to " + newSlug + "; the old slug redirects until " + aliasExpiresAt);
        return new RpcSlugChange(newSlug, previous, aliasExpiresAt.toInstant());
    }
}
