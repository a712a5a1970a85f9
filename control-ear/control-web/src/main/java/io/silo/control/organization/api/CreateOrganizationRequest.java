package io.silo.control.organization.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/0/organizations/}: a name, optionally a slug (else made from the name) and a region. */
public class CreateOrganizationRequest {

    @NotNull
    @Size(min = 1, max = 200)
    @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE)
    public String name;

    @Size(max = 50)
    public String slug;

    @Size(max = 32)
    public String region;
}
