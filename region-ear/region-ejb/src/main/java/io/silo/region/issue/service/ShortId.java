package io.silo.region.issue.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry's short id of an issue: its project's slug in capitals and its number in the project, {@code WEB-12}
 * ({@code MY-APP-3} for project {@code my-app}). Read back in any case.
 */
public record ShortId(String projectSlug, long number) {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]{0,49})-([1-9][0-9]{0,17})");

    public static Optional<ShortId> parse(String text) {
        Matcher matcher = SHAPE.matcher(text.strip());
        return matcher.matches()
                ? Optional.of(new ShortId(matcher.group(1).toLowerCase(Locale.ROOT), Long.parseLong(matcher.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return projectSlug.toUpperCase(Locale.ROOT) + "-" + number;
    }
}
