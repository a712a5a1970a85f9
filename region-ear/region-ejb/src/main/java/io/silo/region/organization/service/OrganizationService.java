package io.silo.region.organization.service;

import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.organization.OrganizationSlugService;
import io.silo.common.rpc.organization.SlugTakenException;
import io.silo.common.rpc.organization.SlugUnavailableException;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.member.model.MemberRole;
import io.silo.region.organization.model.Organization;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Changes to an organization itself; only its owners make them. */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrganizationService {

    private static final long CONTROL_RETRY_AFTER_SECONDS = 10;

    @EJB
    RegionDirectoryChanges directory;

    @Inject
    OrganizationSlugService slugs;

    /**
     * Renames the organization and tells control's directory in the same transaction. A new slug is control's to
     * grant (slugs are unique across regions): control claims it and keeps the old one as a redirecting alias,
     * then the region takes it. If control cannot be reached, nothing changes (503).
     */
    public Organization update(OrganizationContext context, String name, String slug) {
        context.requireRole(MemberRole.OWNER);
        Organization organization = context.organization();
        boolean changed = false;
        if (slug != null && !slug.equals(organization.slug())) {
            String previous = organization.slug();
            claim(organization.id(), slug);
            organization.changeSlug(slug);
            directory.audited(context, "organization.slug-changed", null, previous + " -> " + slug);
            changed = true;
        }
        if (name != null && !name.equals(organization.name())) {
            organization.rename(name);
            directory.audited(context, "organization.updated", null, "name");
            changed = true;
        }
        if (changed) {
            directory.organizationChanged(organization);
        }
        return organization;
    }

    private void claim(long organizationId, String slug) {
        try {
            slugs.rename(organizationId, slug);
        } catch (SlugTakenException e) {
            throw ApiException.conflict(e.getMessage());
        } catch (SlugUnavailableException e) {
            throw ApiException.invalidField("slug", e.getMessage());
        } catch (RpcException e) {
            throw ApiException.unavailable("Control, which grants organization slugs, cannot be reached; nothing was"
                    + " changed, try again later", CONTROL_RETRY_AFTER_SECONDS);
        }
    }
}
