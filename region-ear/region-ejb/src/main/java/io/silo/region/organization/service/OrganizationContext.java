package io.silo.region.organization.service;

import io.silo.common.auth.ApiPrincipal;
import io.silo.common.web.ApiException;
import io.silo.region.member.model.MemberRole;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.model.Organization;
import java.util.Optional;

/**
 * An organization as one caller may see it, from {@link OrganizationAccess}: the caller belongs to it.
 *
 * @param member the caller's membership; absent for the organization's own organization token
 */
public record OrganizationContext(Organization organization, Optional<OrganizationMember> member,
                                  ApiPrincipal principal) {

    public long organizationId() {
        return organization.id();
    }

    /** 403 unless the caller's role is at least {@code role}; an organization token acts with its scopes only. */
    public void requireRole(MemberRole role) {
        if (member.isPresent() && !member.get().role().isAtLeast(role)) {
            throw ApiException.forbidden("This needs the " + role.value() + " role or higher in the organization;"
                    + " yours is " + member.get().role().value());
        }
    }

    /** The acting user's id, or absent for an organization token. */
    public Optional<Long> actorUserId() {
        return principal.userId();
    }
}
