package io.silo.region.issue.service;

import io.silo.common.web.ApiException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry's {@code statsPeriod}: how far back an issue list looks, by last seen — a whole number and a unit,
 * {@code s}, {@code m}, {@code h}, {@code d} or {@code w} ({@code 24h}, {@code 14d}). Absent: {@code 14d}, as
 * Sentry's issue lists.
 */
public final class StatsPeriod {

    public static final Duration DEFAULT = Duration.ofDays(14);
    private static final Duration LONGEST = Duration.ofDays(3650);
    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,6})([smhdw])");

    private StatsPeriod() {
    }

    public static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        Matcher matcher = FORM.matcher(value.strip());
        if (!matcher.matches()) {
            throw ApiException.invalidField("statsPeriod", "must be a whole number and a unit s, m, h, d or w, e.g. 24h or 14d");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration period = switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(amount * 7);
        };
        if (period.compareTo(LONGEST) > 0) {
            throw ApiException.invalidField("statsPeriod", "can be at most 3650 days");
        }
        return period;
    }
}
