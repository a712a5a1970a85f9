package io.silo.region.member.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.rpc.user.RpcUser;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import io.silo.common.web.CursorPage;
import io.silo.region.member.model.MemberRole;
import io.silo.region.member.model.OrganizationMember;
import io.silo.region.member.service.MemberService;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.team.api.TeamView;
import io.silo.region.team.model.Team;
import io.silo.region.team.service.TeamService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /api/0/organizations/{slug}/members/}: list, invite, read, change (role, teams) and remove members, and
 * put them on teams ({@code {id}/teams/{team}/}). A member id may be {@code me}. Accounts come from control
 * through the {@code user} RPC service.
 */
@Path("api/0/organizations/{organization}/members/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @EJB
    OrganizationAccess access;

    @EJB
    MemberService members;

    @EJB
    TeamService teams;

    @Inject
    UserService users;

    @GET
    @Authorize(scopes = Scope.MEMBER_READ, userOnly = false)
    @Transactional
    public Response list(@PathParam("organization") String slug, @QueryParam("cursor") String cursor,
                         @QueryParam("per_page") String perPage, @Context UriInfo uri) {
        OrganizationContext context = access.enter(slug);
        CursorPage<OrganizationMember> page = members.page(context, Cursor.parse(cursor), Cursor.limit(perPage));
        return page.map(views(context, page.items())).toResponse(uri).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.MEMBER_WRITE, userOnly = false)
    @Transactional
    public Response invite(@PathParam("organization") String slug, @Valid @NotNull InviteMemberRequest body) {
        OrganizationContext context = access.enter(slug);
        context.requireRole(MemberRole.MANAGER);
        MemberRole role = role(body.role, body.orgRole).orElse(MemberRole.MEMBER);
        List<Team> onTeams = named(context, body.teams == null ? List.of() : body.teams);
        String email = body.email.strip();
        Optional<RpcUser> account = users.findByEmail(email);
        OrganizationMember member = members.invite(context, email, role, onTeams, account);
        return Response.status(Response.Status.CREATED).entity(views(context, List.of(member)).apply(member)).build();
    }

    @GET
    @Path("{member}/")
    @Authorize(scopes = Scope.MEMBER_READ, userOnly = false)
    @Transactional
    public MemberView get(@PathParam("organization") String slug, @PathParam("member") String memberId) {
        OrganizationContext context = access.enter(slug);
        OrganizationMember member = members.find(context, memberId);
        return views(context, List.of(member)).apply(member);
    }

    @PUT
    @Path("{member}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.MEMBER_WRITE, userOnly = false)
    @Transactional
    public MemberView update(@PathParam("organization") String slug, @PathParam("member") String memberId,
                             @Valid @NotNull MemberRequest body) {
        OrganizationContext context = access.enter(slug);
        OrganizationMember member = members.find(context, memberId);
        MemberRole role = role(body.role, body.orgRole).orElse(null);
        Optional<List<Team>> onTeams = Optional.ofNullable(body.teams).map(slugs -> named(context, slugs));
        members.update(context, member, role, onTeams);
        return views(context, List.of(member)).apply(member);
    }

    /** Removes a member (managers and owners) or leaves the organization (anyone, for themself). */
    @DELETE
    @Path("{member}/")
    @Authorize(scopes = Scope.MEMBER_READ, userOnly = false)
    @Transactional
    public Response remove(@PathParam("organization") String slug, @PathParam("member") String memberId) {
        OrganizationContext context = access.enter(slug);
        OrganizationMember member = members.find(context, memberId);
        boolean leaving = context.member().map(own -> own.id() == member.id()).orElse(false);
        if (!leaving && !context.principal().has(Scope.MEMBER_ADMIN)) {
            throw ApiException.forbidden("The token lacks the scope this endpoint needs: " + Scope.MEMBER_ADMIN.value());
        }
        members.remove(context, member);
        return Response.noContent().build();
    }

    @POST
    @Path("{member}/teams/{team}/")
    @Authorize(scopes = Scope.TEAM_WRITE, userOnly = false)
    @Transactional
    public Response joinTeam(@PathParam("organization") String slug, @PathParam("member") String memberId,
                             @PathParam("team") String teamSlug) {
        OrganizationContext context = access.enter(slug);
        OrganizationMember member = members.find(context, memberId);
        Team team = teams.find(context, teamSlug);
        boolean added = members.joinTeam(context, member, team);
        return Response.status(added ? Response.Status.CREATED : Response.Status.OK)
                .entity(TeamView.of(team, context)).build();
    }

    @DELETE
    @Path("{member}/teams/{team}/")
    @Authorize(scopes = Scope.TEAM_WRITE, userOnly = false)
    @Transactional
    public TeamView leaveTeam(@PathParam("organization") String slug, @PathParam("member") String memberId,
                              @PathParam("team") String teamSlug) {
        OrganizationContext context = access.enter(slug);
        OrganizationMember member = members.find(context, memberId);
        Team team = teams.find(context, teamSlug);
        members.leaveTeam(context, member, team);
        return TeamView.of(team, context);
    }

    private static Optional<MemberRole> role(String role, String orgRole) {
        String value = orgRole != null ? orgRole : role;
        String field = orgRole != null ? "orgRole" : "role";
        return Optional.ofNullable(value).map(given -> MemberRole.fromValue(given).orElseThrow(() ->
                ApiException.invalidField(field, "unknown role '" + given + "'; roles are member, admin, manager"
                        + " and owner")));
    }

    private List<Team> named(OrganizationContext context, List<String> slugs) {
        return slugs.stream().distinct().map(teamSlug -> teams.named(context, String.valueOf(teamSlug), "teams"))
                .toList();
    }

    /** Views of these members: their accounts from control in one call, their teams from one query. */
    private Function<OrganizationMember, MemberView> views(OrganizationContext context,
                                                           List<OrganizationMember> shown) {
        List<Long> userIds = shown.stream().flatMap(member -> member.userId().stream()).toList();
        Map<Long, RpcUser> accounts = userIds.isEmpty() ? Map.of()
                : users.listByIds(userIds).stream().collect(Collectors.toMap(RpcUser::id, Function.identity()));
        List<Team> all = teams.all(context.organizationId());
        return member -> MemberView.of(member, member.userId().map(accounts::get),
                all.stream().filter(team -> team.memberIds().contains(member.id())).map(Team::slug).toList());
    }
}
