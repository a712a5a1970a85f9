package io.silo.control.admin.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.CurrentRequest;
import io.silo.common.auth.Scope;
import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import io.silo.common.web.ApiException;
import io.silo.control.admin.service.RegionAdmin;
import io.silo.control.admin.service.SiloHealth;
import io.silo.control.admin.service.SiloStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/**
 * Every silo from one address, for operators: {@code GET /api/0/admin/regions/} (control and each region: readiness
 * checks, version, what is failing and since when), and each region's outbox admin endpoints as
 * {@code /api/0/admin/regions/{region}/outbox/…}, passed to the region signed as control, beside control's own
 * {@code /api/0/admin/outbox/…}. In a monolith that one covers every silo, so regions have no proxy of their own.
 */
@Path("api/0/admin/regions/")
@RequestScoped
@ControlSilo
@Produces(MediaType.APPLICATION_JSON)
@Authorize(scopes = Scope.ADMIN)
public class AdminRegionsResource {

    static final String OWN_OUTBOX = "/api/0/admin/outbox/";

    @Inject
    SiloHealth health;

    @Inject
    RegionAdmin regionAdmin;

    @Inject
    RegionDirectory regions;

    @Inject
    CurrentRequest current;

    /** One silo as the regions page shows it, with where its outbox admin endpoints are reached. */
    public record SiloView(String name, String kind, String status, String version, List<SiloStatus.Check> checks,
                           List<SiloStatus.Failure> failing, long latencyMillis, Instant checkedAt, String outbox) {
    }

    @GET
    public List<SiloView> list() {
        boolean split = Silos.currentMode() == SiloMode.CONTROL;
        return health.all().stream().map(silo -> new SiloView(silo.name(), silo.kind(), silo.status(), silo.version(),
                silo.checks(), silo.failing(), silo.latencyMillis(), silo.checkedAt(),
                silo.kind().equals("control") ? OWN_OUTBOX
                        : split ? "/api/0/admin/regions/" + silo.name() + "/outbox/" : null)).toList();
    }

    @GET
    @Path("{region}/outbox/{path: .*}")
    public Response getOutbox(@PathParam("region") String region, @PathParam("path") String path, @Context UriInfo uri) {
        return outbox("GET", region, path, uri);
    }

    @POST
    @Path("{region}/outbox/{path: .*}")
    public Response postOutbox(@PathParam("region") String region, @PathParam("path") String path, @Context UriInfo uri) {
        return outbox("POST", region, path, uri);
    }

    @DELETE
    @Path("{region}/outbox/{path: .*}")
    public Response deleteOutbox(@PathParam("region") String region, @PathParam("path") String path,
                                 @Context UriInfo uri) {
        return outbox("DELETE", region, path, uri);
    }

    private Response outbox(String method, String name, String path, UriInfo uri) {
        if (Silos.currentMode() != SiloMode.CONTROL) {
            throw ApiException.notFound("In a monolith " + OWN_OUTBOX + " covers every silo");
        }
        Region region = regions.find(name).orElseThrow(() -> ApiException.notFound("No region " + name));
        RegionAdmin.Answer answer = regionAdmin.outbox(region, method, path, uri.getRequestUri().getRawQuery(),
                current.requirePrincipal());
        Response.ResponseBuilder response = Response.status(answer.status()).type(answer.contentType())
                .entity(answer.body().isEmpty() ? null : answer.body());
        String here = uri.getBaseUriBuilder().path("api/0/admin/regions/{region}/outbox/").build(name).toString();
        answer.link().ifPresent(link -> response.header("Link",
                link.replace(RegionAdmin.outboxBase(region).toString(), here)));
        return response.build();
    }
}
