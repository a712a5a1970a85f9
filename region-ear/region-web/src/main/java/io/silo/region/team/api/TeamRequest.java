package io.silo.region.team.api;

import io.silo.region.organization.service.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/0/organizations/{slug}/teams/} and {@code PUT /api/0/teams/{slug}/{team}/}: a slug, a name or
 * both; on creation a missing one is made from the other.
 */
public class TeamRequest {

    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    public String slug;

    @Size(max = 200)
    @Pattern(regexp = Slugs.NAME_PATTERN, message = Slugs.NAME_MESSAGE)
    public String name;
}
