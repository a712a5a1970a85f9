package io.silo.region.release.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.Cursor;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.service.ProjectService;
import io.silo.region.release.model.Release;
import io.silo.region.release.service.ReleaseService.Saved;
import io.silo.region.release.service.ReleaseService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/0/organizations/{slug}/releases/}: Sentry's releases API, as sentry-cli uses it. A create of a
 * version that exists answers 208 with the release (Sentry's answer), having added the projects named; a PUT with
 * {@code dateReleased} finalizes; {@code refs} or {@code commits} set the commits; deploys are listed and recorded
 * per release. Reading needs {@code project:read}; changing needs {@code project:releases} (or {@code project:write}).
 */
@Path("api/0/organizations/{organization}/releases/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationReleasesResource {

    @EJB
    OrganizationAccess access;

    @EJB
    ProjectService projects;

    @EJB
    ReleaseService releases;

    @Inject
    ReleaseViews views;

    @GET
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public Response list(@PathParam("organization") String slug, @QueryParam("query") String query,
                         @QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                         @Context UriInfo uri) {
        OrganizationContext context = access.enter(slug);
        return views.of(context, releases.page(context, Optional.empty(), query, Cursor.parse(cursor),
                Cursor.limit(perPage))).toResponse(uri).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_RELEASES, userOnly = false)
    @Transactional
    public Response create(@PathParam("organization") String slug, @NotNull JsonObject body) {
        OrganizationContext context = access.enter(slug);
        Saved saved = releases.create(context, ReleaseRequest.version(body),
                ReleaseRequest.changes(body, context, projects));
        return Response.status(saved.created() ? 201 : 208).entity(view(context, saved.release())).build();
    }

    @GET
    @Path("{version}/")
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public ReleaseView get(@PathParam("organization") String slug, @PathParam("version") String version) {
        OrganizationContext context = access.enter(slug);
        return view(context, releases.find(context, version));
    }

    @PUT
    @Path("{version}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_RELEASES, userOnly = false)
    @Transactional
    public ReleaseView update(@PathParam("organization") String slug, @PathParam("version") String version,
                              @NotNull JsonObject body) {
        OrganizationContext context = access.enter(slug);
        Release release = releases.find(context, version);
        return view(context, releases.update(context, release, ReleaseRequest.changes(body, context, projects)));
    }

    @DELETE
    @Path("{version}/")
    @Authorize(scopes = Scope.PROJECT_RELEASES, userOnly = false)
    @Transactional
    public Response delete(@PathParam("organization") String slug, @PathParam("version") String version) {
        OrganizationContext context = access.enter(slug);
        releases.delete(context, releases.find(context, version));
        return Response.noContent().build();
    }

    /** The release's commits, newest first. */
    @GET
    @Path("{version}/commits/")
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public List<ReleaseView.CommitView> commits(@PathParam("organization") String slug,
                                                @PathParam("version") String version) {
        OrganizationContext context = access.enter(slug);
        Release release = releases.find(context, version);
        Map<Long, String> repositories = new HashMap<>();
        releases.repositories(context).forEach(repository -> repositories.put(repository.id(), repository.name()));
        return releases.commits(release).stream()
                .map(commit -> ReleaseView.CommitView.of(commit, repositories.get(commit.repositoryId()))).toList();
    }

    /** The release before this one that has commits, or {@code {}}: where sentry-cli stops reading local history. */
    @GET
    @Path("{version}/previous-with-commits/")
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public Response previousWithCommits(@PathParam("organization") String slug, @PathParam("version") String version) {
        OrganizationContext context = access.enter(slug);
        Optional<Release> previous = releases.previousWithCommits(releases.find(context, version));
        return Response.ok(previous.<Object>map(release -> view(context, release))
                .orElse(Json.createObjectBuilder().build())).build();
    }

    @GET
    @Path("{version}/deploys/")
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public List<ReleaseView.DeployView> deploys(@PathParam("organization") String slug,
                                                @PathParam("version") String version) {
        OrganizationContext context = access.enter(slug);
        return releases.deploys(releases.find(context, version)).stream().map(ReleaseView.DeployView::of).toList();
    }

    @POST
    @Path("{version}/deploys/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_RELEASES, userOnly = false)
    @Transactional
    public Response deploy(@PathParam("organization") String slug, @PathParam("version") String version,
                           @NotNull JsonObject body) {
        OrganizationContext context = access.enter(slug);
        Release release = releases.find(context, version);
        return Response.status(Response.Status.CREATED).entity(ReleaseView.DeployView.of(releases.deploy(context,
                release, ReleaseRequest.text(body, "environment", 64), ReleaseRequest.text(body, "name", 200),
                ReleaseRequest.text(body, "url", 2000), ReleaseRequest.date(body, "dateStarted"),
                ReleaseRequest.date(body, "dateFinished")))).build();
    }

    private ReleaseView view(OrganizationContext context, Release release) {
        return views.of(context, release);
    }
}
