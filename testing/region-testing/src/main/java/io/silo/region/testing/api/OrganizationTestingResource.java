package io.silo.region.testing.api;

import io.silo.common.id.IdGenerator;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.organization.model.Organization;
import io.silo.region.organization.service.OrganizationProvisioning;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * TESTING ONLY — until control creates organizations (the organization-creation issue sends control's
 * provisioning message to {@link OrganizationProvisioning}), the end-to-end tests create an organization in a
 * region through the same service: {@code POST /api/0/internal/testing/organizations/} with
 * {@code {"slug", "name", "ownerUserId", "id"?}}. Only in the test WARs
 * (module {@code testing}).
 */
@Path("api/0/internal/testing/organizations/")
@RequestScoped
@RegionSilo
public class OrganizationTestingResource {

    @EJB
    OrganizationProvisioning provisioning;

    @EJB
    IdGenerator ids;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response provision(JsonObject body) {
        if (!body.containsKey("slug") || !body.containsKey("name") || !body.containsKey("ownerUserId")) {
            throw ApiException.badRequest("slug, name and ownerUserId are required");
        }
        long id = body.containsKey("id") ? body.getJsonNumber("id").longValueExact() : ids.nextId();
        JsonNumber owner = body.getJsonNumber("ownerUserId");
        Organization organization = provisioning.provision(id, body.getString("slug"), body.getString("name"),
                owner.longValueExact()).organization();
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("id", String.valueOf(organization.id()))
                .add("slug", organization.slug())
                .add("name", organization.name())
                .build()).build();
    }
}
