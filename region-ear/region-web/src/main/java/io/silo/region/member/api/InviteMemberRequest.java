package io.silo.region.member.api;

import io.silo.common.web.TextRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/0/organizations/{slug}/members/}: the email to add, with its role (default {@code member})
 * and the teams to put it on.
 */
public class InviteMemberRequest extends MemberRequest {

    @NotNull
    @Size(max = 254)
    @Pattern(regexp = TextRules.EMAIL, message = TextRules.EMAIL_MESSAGE)
    public String email;
}
