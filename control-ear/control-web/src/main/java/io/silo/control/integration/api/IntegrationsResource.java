package io.silo.control.integration.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import io.silo.common.web.ApiException;
import io.silo.control.integration.model.IntegrationProvider;
import io.silo.control.integration.service.IntegrationInstallations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/0/integrations/} in control, outside the organization-scoped paths the gateway proxies to a region:
 * integrations are control's (one installation may serve organizations of several regions). The organization is
 * named by slug in the body or the {@code organization} query parameter; its owners and managers only.
 */
@Path("api/0/integrations/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    IntegrationInstallations installations;

    @Inject
    CurrentRequest current;

    @GET
    @Authorize(scopes = Scope.ORG_READ)
    public List<OrganizationIntegrationView> list(@QueryParam("organization") String organization) {
        return installations.list(current.requireUserId(), requireOrganization(organization)).stream()
                .map(OrganizationIntegrationView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorize(scopes = Scope.ORG_WRITE)
    public Response install(@Valid @NotNull InstallIntegrationRequest body) {
        IntegrationProvider provider = IntegrationProvider.fromValue(body.provider)
                .orElseThrow(() -> ApiException.invalidField("provider", "must be one of github, slack, jira"));
        IntegrationInstallations.Installed installed = installations.install(current.requireUserId(),
                body.organization, provider, body.externalId.strip(), body.name.strip(), json(body.metadata),
                json(body.config));
        return Response.status(Response.Status.CREATED).entity(OrganizationIntegrationView.of(installed)).build();
    }

    @DELETE
    @Path("{id}/")
    @Authorize(scopes = Scope.ORG_WRITE)
    public Response uninstall(@PathParam("id") String id, @QueryParam("organization") String organization) {
        long installationId;
        try {
            installationId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No such integration installed in " + organization);
        }
        installations.uninstall(current.requireUserId(), requireOrganization(organization), installationId);
        return Response.noContent().build();
    }

    private static String requireOrganization(String organization) {
        if (organization == null || organization.isBlank()) {
            throw ApiException.invalidField("organization", "the organization's slug is required");
        }
        return organization;
    }

    private static String json(Map<String, String> values) {
        return values == null ? "{}" : JSONB.toJson(values);
    }
}
