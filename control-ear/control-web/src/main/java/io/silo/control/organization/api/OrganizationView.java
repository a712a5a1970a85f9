package io.silo.control.organization.api;

import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.PublicUrls;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * An organization in the picker, as Sentry lists organizations across regions: ids as strings, Sentry's status
 * object, the account flags Sentry's tools require (Silo has no early-adopter program, no organization-wide 2FA or
 * e-mail verification requirement and no feature flags, so they are false and empty), its region and the links to
 * its customer domain and its region's API.
 */
public record OrganizationView(String id, String slug, String name, String region, Status status,
                               OffsetDateTime dateCreated, boolean isEarlyAdopter, boolean require2FA,
                               boolean requireEmailVerification, List<String> features, Avatar avatar, Links links) {

    /** Sentry's status object: {@code {"id": "active", "name": "active"}}. */
    public record Status(String id, String name) {
    }

    /** Sentry's avatar: Silo draws letter avatars. */
    public record Avatar(String avatarType, String avatarUuid) {
    }

    public record Links(String organizationUrl, String regionUrl) {
    }

    public static OrganizationView of(OrganizationMapping mapping, PublicUrls urls) {
        String status = mapping.status().name().toLowerCase(Locale.ROOT);
        return new OrganizationView(String.valueOf(mapping.id()), mapping.slug(), mapping.name(), mapping.region(),
                new Status(status, status.replace('_', ' ')), mapping.createdAt(), false, false, false, List.of(),
                new Avatar("letter_avatar", null), new Links(urls.organization(mapping.slug()), urls.region(mapping.region())));
    }
}
