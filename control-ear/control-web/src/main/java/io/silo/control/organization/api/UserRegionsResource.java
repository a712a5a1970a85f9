package io.silo.control.organization.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.service.OrganizationPicker;
import io.silo.control.organization.service.PublicUrls;
import io.silo.control.region.api.RegionsResource.RegionLink;
import io.silo.control.region.api.RegionsResource.RegionList;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/0/users/me/regions/}: the regions where the caller has organizations, as Sentry lists them. */
@Path("api/0/users/me/regions/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
public class UserRegionsResource {

    @EJB
    OrganizationPicker picker;

    @Inject
    PublicUrls urls;

    @Inject
    RegionDirectory regions;

    @Inject
    CurrentRequest current;

    @GET
    @Authorize(scopes = Scope.ORG_READ)
    public RegionList list() {
        return new RegionList(picker.regionsOf(current.requireUserId()).stream()
                .map(name -> regions.find(name).map(region -> RegionLink.of(region, urls))
                        .orElse(new RegionLink(name, urls.region(name), null)))
                .toList());
    }
}
