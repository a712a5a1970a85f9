package io.silo.control.region.api;

import io.silo.common.auth.PublicEndpoint;
import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.control.organization.service.PublicUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/0/regions/}: the regions offered when creating an organization, as Sentry lists them.
 * Public: tools discover where to send requests before they hold a credential.
 */
@Path("api/0/regions/")
@PublicEndpoint
@RequestScoped
@ControlSilo
public class RegionsResource {

    /** One entry of the list: the region's name, the public URL of its API and its category (multi- or single-tenant). */
    public record RegionLink(String name, String url, String category) {

        public static RegionLink of(Region region, PublicUrls urls) {
            return new RegionLink(region.name(), urls.region(region.name()), region.category().name());
        }
    }

    /** The response body: {@code {"regions": [...]}}. */
    public record RegionList(List<RegionLink> regions) {
    }

    @Inject
    RegionDirectory directory;

    @Inject
    PublicUrls urls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RegionList list() {
        return new RegionList(directory.visible().stream()
                .map(region -> RegionLink.of(region, urls))
                .toList());
    }
}
