package io.silo.control.organization.service;

import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an organization slug may be: 1–50 lowercase letters, digits and hyphens, starting and ending with a
 * letter or digit, not only digits (an id must never be mistaken for a slug), and none of the reserved words:
 * the API's own path and host names, every region's name and the public host's labels, since slugs become
 * host names of customer domains ({@code {slug}.{public host}}).
 */
@ApplicationScoped
@ControlSilo
public class SlugRules {

    public static final int MAX_LENGTH = 50;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?");
    private static final Set<String> ALWAYS_RESERVED = Set.of("api", "admin", "www", "app", "auth", "login", "logout",
            "signup", "register", "static", "media", "assets", "docs", "help", "support", "status", "internal",
            "extensions", "organizations", "projects", "settings", "account", "control", "region", "regions", "sentry",
            "silo", "mail", "ingest", "o", "new");

    @Inject
    RegionDirectory regions;

    @Inject
    PublicUrls urls;

    /** The slug as given, or 400 naming the field and the rule it breaks. */
    public String validate(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw ApiException.invalidField("slug", "1 to " + MAX_LENGTH + " lowercase letters, digits and hyphens,"
                    + " starting and ending with a letter or digit");
        }
        if (slug.chars().allMatch(Character::isDigit)) {
            throw ApiException.invalidField("slug", "must contain a letter or hyphen, not only digits");
        }
        if (reserved().contains(slug)) {
            throw ApiException.invalidField("slug", "'" + slug + "' is reserved");
        }
        return slug;
    }

    /** A slug made from a name: ASCII letters and digits kept, everything else a single hyphen. */
    public String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        if (slug.isEmpty() || slug.chars().allMatch(Character::isDigit) || reserved().contains(slug)) {
            throw ApiException.invalidField("slug", "cannot be derived from this name; give one");
        }
        return slug;
    }

    private Set<String> reserved() {
        Set<String> reserved = new HashSet<>(ALWAYS_RESERVED);
        regions.all().stream().map(Region::name).forEach(reserved::add);
        reserved.addAll(List.of(urls.publicHost().toLowerCase(Locale.ROOT).split("\\.")));
        return reserved;
    }
}
