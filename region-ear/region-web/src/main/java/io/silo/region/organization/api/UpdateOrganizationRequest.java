package io.silo.region.organization.api;

import io.silo.region.organization.service.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/0/organizations/{slug}/}: a new name and/or a new slug (control grants slugs; the old one keeps redirecting through the gateway for a while). */
public class UpdateOrganizationRequest {

    @Size(max = 200)
    @Pattern(regexp = Slugs.NAME_PATTERN, message = Slugs.NAME_MESSAGE)
    public String name;

    @Size(max = 50)
    public String slug;
}
