package io.silo.region.project.api;

import io.silo.region.organization.service.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/0/teams/{slug}/{team}/projects/} (a name is required there, the slug is made from it when
 * missing) and {@code PUT /api/0/projects/{slug}/{project}/} (what is given changes).
 */
public class ProjectRequest {

    @Size(max = 200)
    @Pattern(regexp = Slugs.NAME_PATTERN, message = Slugs.NAME_MESSAGE)
    public String name;

    @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
    public String slug;

    @Size(max = 64)
    @Pattern(regexp = "[a-z0-9_.-]+", message = "must be a platform name such as python or javascript-react")
    public String platform;
}
