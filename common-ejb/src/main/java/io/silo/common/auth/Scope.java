package io.silo.common.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What an API token may do, in Sentry's names ({@code org:read} …). Within one area a level grants the
 * levels below it: {@code project:admin} also reads and writes projects. A login session holds every scope.
 */
public enum Scope {
    ORG_READ, ORG_WRITE, ORG_ADMIN,
    PROJECT_READ, PROJECT_WRITE, PROJECT_ADMIN,
    TEAM_READ, TEAM_WRITE, TEAM_ADMIN,
    MEMBER_READ, MEMBER_WRITE, MEMBER_ADMIN,
    EVENT_READ, EVENT_WRITE, EVENT_ADMIN;

    /** The wire name, e.g. {@code project:write}. */
    public String value() {
        String[] parts = name().toLowerCase().split("_");
        return parts[0] + ":" + parts[1];
    }

    private String area() {
        return name().substring(0, name().indexOf('_'));
    }

    private int level() {
        return ordinal() % 3;
    }

    /** Whether holding this scope allows what {@code required} protects. */
    public boolean grants(Scope required) {
        return area().equals(required.area()) && level() >= required.level();
    }

    public static boolean anyGrants(Set<Scope> held, Scope required) {
        return held.stream().anyMatch(scope -> scope.grants(required));
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value().equals(value)).findFirst();
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }
}
