package io.silo.region.release.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.release.model.Repository;
import io.silo.region.release.service.ReleaseService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/0/organizations/{slug}/repos/}: the repositories the organization's release commits named (made on
 * first mention, without a provider), which {@code sentry-cli releases set-commits --commit REPO@SHA} checks.
 */
@Path("api/0/organizations/{organization}/repos/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationRepositoriesResource {

    @EJB
    OrganizationAccess access;

    @EJB
    ReleaseService releases;

    public record RepositoryView(String id, String name, String url, Provider provider, String status,
                                 Instant dateCreated) {

        public record Provider(String id, String name) {
        }

        static RepositoryView of(Repository repository) {
            return new RepositoryView(String.valueOf(repository.id()), repository.name(), null,
                    new Provider("none", "None"), "active", repository.dateCreated().toInstant());
        }
    }

    @GET
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public List<RepositoryView> list(@PathParam("organization") String slug) {
        return releases.repositories(access.enter(slug)).stream().map(RepositoryView::of).toList();
    }
}
