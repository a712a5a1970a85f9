package io.silo.region.project.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.Slugs;
import io.silo.region.project.model.Project;
import io.silo.region.project.service.ProjectService;
import io.silo.region.team.service.TeamService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /api/0/teams/{slug}/{team}/projects/}: a new project of the team, with its first client key. */
@Path("api/0/teams/{organization}/{team}/projects/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class TeamProjectsResource {

    @EJB
    OrganizationAccess access;

    @EJB
    TeamService teams;

    @EJB
    ProjectService projects;

    @Inject
    ProjectViews views;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.PROJECT_WRITE, userOnly = false)
    @Transactional
    public Response create(@PathParam("organization") String slug, @PathParam("team") String teamSlug,
                           @Valid @NotNull ProjectRequest body) {
        OrganizationContext context = access.enter(slug);
        var team = teams.find(context, teamSlug);
        if (body.name == null) {
            throw ApiException.invalidField("name", "a project needs a name");
        }
        String name = body.name.strip();
        Project project = projects.create(context, team, Slugs.orFromName(body.slug, name), name, body.platform);
        return Response.status(Response.Status.CREATED).entity(views.of(context, project)).build();
    }
}
