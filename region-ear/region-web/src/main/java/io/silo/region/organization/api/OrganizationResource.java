package io.silo.region.organization.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.silo.RegionSilo;
import io.silo.region.organization.service.OrganizationAccess;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.organization.service.OrganizationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/0/organizations/{slug}/}: members read the organization, owners rename it. */
@Path("api/0/organizations/{organization}/")
@RequestScoped
@RegionSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    @EJB
    OrganizationAccess access;

    @EJB
    OrganizationService organizations;

    @GET
    @Authorize(scopes = Scope.ORG_READ, userOnly = false)
    @Transactional
    public OrganizationView get(@PathParam("organization") String slug) {
        return OrganizationView.of(access.enter(slug));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.ORG_WRITE, userOnly = false)
    @Transactional
    public OrganizationView update(@PathParam("organization") String slug,
                                   @Valid @NotNull UpdateOrganizationRequest body) {
        OrganizationContext context = access.enter(slug);
        organizations.update(context, body.name == null ? null : body.name.strip(), body.slug);
        return OrganizationView.of(context);
    }
}
