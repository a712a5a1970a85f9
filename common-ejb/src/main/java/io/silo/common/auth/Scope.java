package io.silo.common.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an API token may do, in Sentry's names ({@code org:read} …). Within one area a level grants the
 * levels below it: {@code project:admin} also reads and writes projects. A login session holds every
 * {@link #accountScopes() account scope}.
 *
 * <p>{@link #ADMIN} ({@code admin}) is of another kind: it operates the installation (outbox shards, dead
 * letters) rather than an account's data, so no session or token holds it unless its user is an operator
 * listed in control's {@code silo.admin.emails}.
 */
public enum Scope {
    ORG_READ("org:read"), ORG_WRITE("org:write"), ORG_ADMIN("org:admin"),
    PROJECT_READ("project:read"), PROJECT_WRITE("project:write"), PROJECT_ADMIN("project:admin"),
    TEAM_READ("team:read"), TEAM_WRITE("team:write"), TEAM_ADMIN("team:admin"),
    MEMBER_READ("member:read"), MEMBER_WRITE("member:write"), MEMBER_ADMIN("member:admin"),
    EVENT_READ("event:read"), EVENT_WRITE("event:write"), EVENT_ADMIN("event:admin"),
    /** Releases and deploys only (what a CI job's token needs); {@code project:write} and above grant it too. */
    PROJECT_RELEASES("project:releases"),
    /** Operator endpoints ({@code /api/0/admin/}); only for users in {@code silo.admin.emails}. */
    ADMIN("admin");

    private static final List<String> LEVELS = List.of("read", "write", "admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The wire name, e.g. {@code project:write}. */
    public String value() {
        return value;
    }

    private String area() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private int level() {
        int colon = value.indexOf(':');
        return colon < 0 ? 0 : LEVELS.indexOf(value.substring(colon + 1));
    }

    /** Whether holding this scope allows what {@code required} protects. */
    public boolean grants(Scope required) {
        if (required == PROJECT_RELEASES) {
            return this == PROJECT_RELEASES || grants(PROJECT_WRITE);
        }
        if (this == PROJECT_RELEASES) {
            return false;
        }
        return area().equals(required.area()) && level() >= required.level();
    }

    public static boolean anyGrants(Set<Scope> held, Scope required) {
        return held.stream().anyMatch(scope -> scope.grants(required));
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value().equals(value)).findFirst();
    }

    /** The scopes named in a stored list of wire names separated by spaces; unknown names are skipped. */
    public static Set<Scope> fromNames(String names) {
        Set<Scope> parsed = EnumSet.noneOf(Scope.class);
        Arrays.stream(names.split(" ")).map(Scope::fromValue).flatMap(Optional::stream).forEach(parsed::add);
        return parsed;
    }

    /** Every scope, {@link #ADMIN} included. */
    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }

    /** Every scope over an account's own data: what a login session holds; {@link #ADMIN} is not one. */
    public static Set<Scope> accountScopes() {
        return EnumSet.complementOf(EnumSet.of(ADMIN));
    }
}
