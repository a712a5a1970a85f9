package io.silo.control.gateway.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path the gateway proxies: organization-scoped API paths ({@code /api/0/organizations/{slug}/…},
 * {@code /api/0/projects/{slug}/…}, {@code /api/0/teams/{slug}/…}) and SDK ingestion
 * ({@code /api/{project_id}/envelope/}, {@code /api/{project_id}/store/}). Anything else is control's, including
 * its own {@code /api/0/organizations/} (the picker and creation) and the organization-scoped paths of what control
 * holds: an organization's tokens ({@code /api/0/organizations/{slug}/org-auth-tokens/}).
 *
 * @param organizationSlug the slug of an organization-scoped path; null for ingestion
 */
record GatewayPath(String organizationSlug, boolean envelope) {

    private static final Pattern ORGANIZATION_SCOPED = Pattern.compile("/api/0/(?:organizations|projects|teams)/([^/]+)(?:/.*)?");
    private static final Pattern CONTROLS_OWN = Pattern.compile("/api/0/organizations/[^/]+/org-auth-tokens(?:/.*)?");
    private static final Pattern INGESTION = Pattern.compile("/api/[0-9]{1,19}/(envelope|store)/?");

    static Optional<GatewayPath> of(String path) {
        Matcher scoped = ORGANIZATION_SCOPED.matcher(path);
        if (scoped.matches() && !CONTROLS_OWN.matcher(path).matches()) {
            return Optional.of(new GatewayPath(scoped.group(1), false));
        }
        Matcher ingestion = INGESTION.matcher(path);
        if (ingestion.matches()) {
            return Optional.of(new GatewayPath(null, ingestion.group(1).equals("envelope")));
        }
        return Optional.empty();
    }

    boolean isIngestion() {
        return organizationSlug == null;
    }

    /**
     * An organization-scoped request URI ({@code …/api/0/organizations/{slug}/…}, also under a context path) with
     * its organization segment, and only that one, changed to {@code slug}: a team or project named like the
     * organization keeps its name.
     */
    static String withOrganizationSlug(String requestUri, String slug) {
        int kind = requestUri.indexOf("/api/0/") + "/api/0/".length();
        int start = requestUri.indexOf('/', kind) + 1;
        int end = requestUri.indexOf('/', start);
        return requestUri.substring(0, start) + slug + (end < 0 ? "" : requestUri.substring(end));
    }
}
