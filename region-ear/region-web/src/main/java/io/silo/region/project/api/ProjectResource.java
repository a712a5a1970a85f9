package io.silo.region.project.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.model.Project;
import io.silo.region.project.service.ProjectService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/0/projects/{slug}/{project}/}: read, change (name, slug, platform) and delete a project. */
@Path("api/0/projects/{organization}/{project}/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @EJB
    OrganizationAccess access;

    @EJB
    ProjectService projects;

    @Inject
    ProjectViews views;

    @GET
    @Authorize(scopes = Scope.PROJECT_READ, userOnly = false)
    @Transactional
    public ProjectView get(@PathParam("organization") String slug, @PathParam("project") String projectSlug) {
        OrganizationContext context = access.enter(slug);
        return views.of(context, projects.find(context, projectSlug));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_WRITE, userOnly = false)
    @Transactional
    public ProjectView update(@PathParam("organization") String slug, @PathParam("project") String projectSlug,
                              @Valid @NotNull ProjectRequest body) {
        OrganizationContext context = access.enter(slug);
        Project project = projects.update(context, projects.find(context, projectSlug), body.slug,
                body.name == null ? null : body.name.strip(), body.platform != null, body.platform);
        return views.of(context, project);
    }

    /** Deletes the project with its keys (control's mappings get tombstones), issues and events. */
    @DELETE
    @Authorize(scopes = Scope.PROJECT_ADMIN, userOnly = false)
    @Transactional
    public Response delete(@PathParam("organization") String slug, @PathParam("project") String projectSlug) {
        OrganizationContext context = access.enter(slug);
        projects.delete(context, projects.find(context, projectSlug));
        return Response.noContent().build();
    }
}
