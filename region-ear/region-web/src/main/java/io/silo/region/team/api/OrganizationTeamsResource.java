package io.silo.region.team.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.Slugs;
import io.silo.region.team.model.Team;
import io.silo.region.team.service.TeamService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/0/organizations/{slug}/teams/}: list (paginated) and create. */
@Path("api/0/organizations/{organization}/teams/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationTeamsResource {

    @EJB
    OrganizationAccess access;

    @EJB
    TeamService teams;

    @GET
    @Authorize(scopes = Scope.TEAM_READ, userOnly = false)
    @Transactional
    public Response list(@PathParam("organization") String slug, @QueryParam("cursor") String cursor,
                         @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        OrganizationContext context = access.enter(slug);
        return teams.page(context, Cursor.parse(cursor), Cursor.limit(perPage))
                .map(team -> TeamView.of(team, context)).toResponse(uri).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.TEAM_WRITE, userOnly = false)
    @Transactional
    public Response create(@PathParam("organization") String slug, @Valid @NotNull TeamRequest body) {
        OrganizationContext context = access.enter(slug);
        if (body.slug == null && body.name == null) {
            throw ApiException.invalidField("name", "a team needs a name or a slug");
        }
        String teamSlug = Slugs.orFromName(body.slug, body.name);
        Team team = teams.create(context, teamSlug, body.name == null ? teamSlug : body.name.strip());
        return Response.status(Response.Status.CREATED).entity(TeamView.of(team, context)).build();
    }
}
