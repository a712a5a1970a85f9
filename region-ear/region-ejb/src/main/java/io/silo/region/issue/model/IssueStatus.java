package io.silo.region.issue.model;

import java.util.Arrays;
import java.util.Optional;

/** Where an issue stands; a resolved issue that gets a new event is unresolved again (a regression). */
public enum IssueStatus {
    UNRESOLVED("unresolved"),
    RESOLVED("resolved"),
    IGNORED("ignored");

    private final String value;

    IssueStatus(String value) {
        this.value = value;
    }

    /** The name on the wire and in the database. */
    public String value() {
        return value;
    }

    public static Optional<IssueStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(status -> status.value.equals(value)).findFirst();
    }
}
