package io.silo.region.member.api;

import io.silo.common.rpc.user.RpcUser;
import io.silo.region.member.model.OrganizationMember;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A member as Sentry shows one: {@code user} is the account (absent while the invitation is pending),
 * {@code role} and {@code orgRole} the organization role, {@code teams} the slugs of the member's teams.
 */
public record MemberView(String id, String email, String name, UserView user, String role, String orgRole,
                         String roleName, boolean pending, boolean expired, String inviteStatus, List<String> teams,
                         OffsetDateTime dateCreated) {

    /** The member's account as control knows it. */
    public record UserView(String id, String email, String name) {
    }

    /** @param account the member's account, looked up in control; absent for a pending invitation */
    public static MemberView of(OrganizationMember member, Optional<RpcUser> account, List<String> teamSlugs) {
        String role = member.role().value();
        String email = account.map(RpcUser::email).orElse(member.email().orElse(null));
        UserView user = account.map(found -> new UserView(String.valueOf(found.id()), found.email(), found.name()))
                .orElse(null);
        return new MemberView(String.valueOf(member.id()), email, account.map(RpcUser::name).orElse(email), user, role,
                role, role.substring(0, 1).toUpperCase(Locale.ROOT) + role.substring(1), member.userId().isEmpty(),
                false, member.userId().isEmpty() ? "pending" : "approved", teamSlugs, member.dateCreated());
    }
}
