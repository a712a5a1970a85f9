package io.silo.region.organization.service;

import io.silo.common.web.ApiException;
import java.util.Locale;

/**
 * Sentry's slugs of teams and projects: lowercase letters, digits, hyphens and underscores, 1 to 50 of them; and
 * the rule for names beside them (one line, not blank; their length, 1 to 200, by {@code @Size}).
 */
public final class Slugs {

    public static final String PATTERN = "[a-z0-9_-]{1,50}";
    public static final String MESSAGE = "must be 1 to 50 lowercase letters, digits, hyphens or underscores";

    public static final String NAME_PATTERN = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*";
    public static final String NAME_MESSAGE = "must be one line of text, not blank";

    private Slugs() {
    }

    /** {@code slug} if given, else one made from {@code name} ("My App!" → {@code my-app}); 400 if none can be. */
    public static String orFromName(String slug, String name) {
        if (slug != null) {
            return slug;
        }
        String derived = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "");
        derived = derived.length() > 50 ? derived.substring(0, 50).replaceAll("-+$", "") : derived;
        if (derived.isEmpty()) {
            throw ApiException.invalidField("slug", "cannot be made from the name; give a slug that " + MESSAGE);
        }
        return derived;
    }
}
