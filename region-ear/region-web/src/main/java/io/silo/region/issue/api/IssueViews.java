package io.silo.region.issue.api;

import io.silo.common.silo.RegionSilo;
import io.silo.region.issue.service.IssueRow;
import io.silo.region.organization.service.OrganizationContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds {@link IssueView}s with their {@code permalink}: the issue's page under Silo's root URL
 * ({@code silo.public.url}, else {@code {silo.public.scheme}://{silo.public.host}}), the address people open.
 */
@ApplicationScoped
@RegionSilo
public class IssueViews {

    @Inject
    @ConfigProperty(name = "silo.public.url")
    Optional<String> rootUrl;

    @Inject
    @ConfigProperty(name = "silo.public.scheme", defaultValue = "https")
    String scheme;

    @Inject
    @ConfigProperty(name = "silo.public.host", defaultValue = "localhost")
    String publicHost;

    /** The views of issues of this organization. */
    public Function<IssueRow, IssueView> in(OrganizationContext organization) {
        String root = rootUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse(scheme + "://" + publicHost);
        String issues = root + "/organizations/" + organization.organization().slug() + "/issues/";
        return issue -> IssueView.of(issue, issues + issue.id() + "/");
    }
}
