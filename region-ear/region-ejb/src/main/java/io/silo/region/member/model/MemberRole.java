package io.silo.region.member.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Sentry's organization roles, weakest first: a member sees and works on issues; an admin also manages
 * teams and projects; a manager also manages members; an owner also manages the organization itself.
 */
public enum MemberRole {
    MEMBER,
    ADMIN,
    MANAGER,
    OWNER;

    /** The name on the wire and in the database: {@code owner}, {@code manager}, {@code admin}, {@code member}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberRole> fromValue(String value) {
        return Arrays.stream(values()).filter(role -> role.value().equals(value)).findFirst();
    }

    public boolean isAtLeast(MemberRole other) {
        return compareTo(other) >= 0;
    }
}
