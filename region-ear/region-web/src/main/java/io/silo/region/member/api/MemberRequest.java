package io.silo.region.member.api;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code PUT /api/0/organizations/{slug}/members/{id}/}: a new role ({@code role} or Sentry's newer
 * {@code orgRole}) and/or exactly the teams to be on (slugs); what an invitation names besides its email.
 */
public class MemberRequest {

    @Size(max = 32)
    public String role;

    @Size(max = 32)
    public String orgRole;

    @Size(max = 100)
    public List<String> teams;
}
