package io.silo.region.organization.service;

import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.member.model.MemberRole;
import io.silo.region.organization.model.Organization;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/** Changes to an organization itself; only its owners make them. */
@Stateless
@RegionSilo
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OrganizationService {

    @EJB
    RegionDirectoryChanges directory;

    /**
     * Renames the organization and tells control's directory in the same transaction. A slug change needs
     * control's global slug reservation (organization creation's job), so it is refused here.
     */
    public Organization update(OrganizationContext context, String name, String slug) {
        context.requireRole(MemberRole.OWNER);
        Organization organization = context.organization();
        if (slug != null && !slug.equals(organization.slug())) {
            throw ApiException.invalidField("slug", "an organization's slug cannot be changed yet: it is reserved"
                    + " globally in control");
        }
        if (name != null && !name.equals(organization.name())) {
            organization.rename(name);
            directory.organizationChanged(organization);
            directory.audited(context, "organization.updated", null, "name");
        }
        return organization;
    }
}
