package io.silo.region.release.service;

import io.silo.common.web.ApiException;
import java.util.Set;

/**
 * What a release version may be, as Sentry allows: 1 to 200 characters, no slash (a version is a path segment),
 * no line break or tab, and none of {@code .}, {@code ..}, a blank or {@code latest}.
 */
public final class ReleaseVersions {

    private static final Set<String> RESERVED = Set.of(".", "..", "latest");

    private ReleaseVersions() {
    }

    public static void requireValid(String version) {
        if (version == null || version.isBlank() || version.length() > 200 || RESERVED.contains(version)
                || version.chars().anyMatch(c -> c == '/' || Character.isISOControl(c))) {
            throw ApiException.invalidField("version", "must be 1 to 200 characters without '/' or control characters,"
                    + " and not '.', '..' or 'latest'");
        }
    }
}
