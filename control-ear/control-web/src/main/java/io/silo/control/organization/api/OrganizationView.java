package io.silo.control.organization.api;

import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.PublicUrls;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * An organization in the picker, as Sentry lists organizations across regions: ids as strings, its region and
 * the links to its customer domain and its region's API.
 */
public record OrganizationView(String id, String slug, String name, String region, String status,
                               OffsetDateTime dateCreated, Links links) {

    public record Links(String organizationUrl, String regionUrl) {
    }

    public static OrganizationView of(OrganizationMapping mapping, PublicUrls urls) {
        return new OrganizationView(String.valueOf(mapping.id()), mapping.slug(), mapping.name(), mapping.region(),
                mapping.status().name().toLowerCase(Locale.ROOT), mapping.createdAt(),
                new Links(urls.organization(mapping.slug()), urls.region(mapping.region())));
    }
}
