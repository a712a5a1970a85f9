package io.silo.region.member.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/0/organizations/{slug}/members/}: the email to add, its role ({@code role} or Sentry's newer
 * {@code orgRole}; default {@code member}) and the slugs of teams to put it on.
 */
public class InviteMemberRequest {

    @NotNull
    @Size(max = 254)
    @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE)
    public String email;

    @Size(max = 32)
    public String role;

    @Size(max = 32)
    public String orgRole;

    @Size(max = 100)
    public List<String> teams;
}
