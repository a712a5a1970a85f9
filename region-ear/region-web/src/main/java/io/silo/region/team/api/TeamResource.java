package io.silo.region.team.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.team.model.Team;
import io.silo.region.team.service.TeamService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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

/** {@code /api/0/teams/{slug}/{team}/}: read, rename, delete one team. */
@Path("api/0/teams/{organization}/{team}/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    @EJB
    OrganizationAccess access;

    @EJB
    TeamService teams;

    @GET
    @Authorize(scopes = Scope.TEAM_READ, userOnly = false)
    @Transactional
    public TeamView get(@PathParam("organization") String slug, @PathParam("team") String teamSlug) {
        OrganizationContext context = access.enter(slug);
        return TeamView.of(teams.find(context, teamSlug), context);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.TEAM_WRITE, userOnly = false)
    @Transactional
    public TeamView update(@PathParam("organization") String slug, @PathParam("team") String teamSlug,
                           @Valid @NotNull TeamRequest body) {
        OrganizationContext context = access.enter(slug);
        Team team = teams.update(context, teams.find(context, teamSlug), body.slug,
                body.name == null ? null : body.name.strip());
        return TeamView.of(team, context);
    }

    @DELETE
    @Authorize(scopes = Scope.TEAM_ADMIN, userOnly = false)
    @Transactional
    public Response delete(@PathParam("organization") String slug, @PathParam("team") String teamSlug) {
        OrganizationContext context = access.enter(slug);
        teams.delete(context, teams.find(context, teamSlug));
        return Response.noContent().build();
    }
}
