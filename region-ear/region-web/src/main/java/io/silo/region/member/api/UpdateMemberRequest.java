package io.silo.region.member.api;

import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code PUT /api/0/organizations/{slug}/members/{id}/}: a new role and/or exactly the teams to be on (slugs). */
public class UpdateMemberRequest {

    @Size(max = 32)
    public String role;

    @Size(max = 32)
    public String orgRole;

    @Size(max = 100)
    public List<String> teams;
}
