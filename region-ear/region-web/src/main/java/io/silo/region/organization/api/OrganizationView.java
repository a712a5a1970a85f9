package io.silo.region.organization.api;

import io.silo.region.member.model.OrganizationMember;
import io.silo.region.organization.model.Organization;
import io.silo.region.organization.service.OrganizationContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * An organization as Sentry's {@code GET /api/0/organizations/{slug}/} shows it, with the caller's role
 * ({@code role} and Sentry's newer {@code orgRole}; absent for an organization token) and the account flags Sentry's
 * tools require (no early-adopter program, no organization-wide 2FA or e-mail verification requirement, no feature
 * flags: false and empty).
 */
public record OrganizationView(String id, String slug, String name, Status status, OffsetDateTime dateCreated,
                               boolean isEarlyAdopter, boolean require2FA, boolean requireEmailVerification,
                               List<String> features, Avatar avatar, String role, String orgRole) {

    /** Sentry's avatar: Silo draws letter avatars. */
    public record Avatar(String avatarType, String avatarUuid) {
    }

    /** Sentry's status object: {@code {"id": "active", "name": "active"}}. */
    public record Status(String id, String name) {
    }

    public static OrganizationView of(OrganizationContext context) {
        Organization organization = context.organization();
        String status = organization.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String role = context.member().map(OrganizationMember::role).map(r -> r.value()).orElse(null);
        return new OrganizationView(String.valueOf(organization.id()), organization.slug(), organization.name(),
                new Status(status.replace(' ', '_'), status), organization.dateCreated(), false, false, false, List.of(),
                new Avatar("letter_avatar", null), role, role);
    }
}
