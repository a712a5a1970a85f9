package io.silo.control.organization.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.model.OrganizationMapping;
import io.silo.control.organization.service.OrganizationCreation;
import io.silo.control.organization.service.OrganizationPicker;
import io.silo.control.organization.service.PublicUrls;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /api/0/organizations/} in control: the organization picker (the caller's organizations in every
 * region, or in one region on its API host) and organization creation in a chosen region. Creation answers 201 once the region has created the
 * organization — usually well under a second — or 202 with a Location to poll when it takes longer than
 * {@code silo.organizations.activation-wait}.
 */
@Path("api/0/organizations/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @EJB
    OrganizationCreation creation;

    @EJB
    OrganizationPicker picker;

    @Inject
    PublicUrls urls;

    @Inject
    CurrentRequest current;

    @Inject
    @ConfigProperty(name = "silo.organizations.activation-wait", defaultValue = "PT5S")
    Duration activationWait;

    @Context
    UriInfo uri;

    /**
     * The caller's organizations in every region; on a region's API host ({@code eu.localhost}), those in that
     * region only, as Sentry answers on a region's URL.
     */
    @GET
    @Authorize(scopes = Scope.ORG_READ)
    public List<OrganizationView> list(@Context HttpServletRequest request) {
        Optional<String> region = urls.regionOfHost(request.getServerName());
        return picker.organizationsOf(current.requireUserId()).stream()
                .filter(mapping -> region.isEmpty() || region.get().equals(mapping.region()))
                .map(mapping -> OrganizationView.of(mapping, urls)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.ORG_WRITE)
    public Response create(@Valid @NotNull CreateOrganizationRequest body) throws InterruptedException {
        OrganizationMapping created = creation.create(current.requirePrincipal(), current.requireUserId(), body.name,
                body.slug, body.region, current.clientAddress());
        Optional<OrganizationMapping> active = creation.awaitActive(created.id(), activationWait);
        OrganizationMapping shown = active.orElse(created);
        return Response.status(active.isPresent() ? Response.Status.CREATED : Response.Status.ACCEPTED)
                .location(uri.getBaseUriBuilder().path("api/0/organizations/{slug}/").build(shown.slug()))
                .entity(OrganizationView.of(shown, urls))
                .build();
    }
}
