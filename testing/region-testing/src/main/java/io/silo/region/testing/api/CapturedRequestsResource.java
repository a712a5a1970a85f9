package io.silo.region.testing.api;

import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * TESTING ONLY — {@code GET /api/0/internal/testing/captured-requests/{id}}: the request this region server received
 * with {@code X-Silo-Capture: {id}} (see {@link RequestCaptureFilter}). Only in the test WARs
 * (module {@code testing}).
 */
@Path("api/0/internal/testing/captured-requests/{id}")
@RequestScoped
@RegionSilo
public class CapturedRequestsResource {

    @Inject
    CapturedRequests captured;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CapturedRequests.Captured find(@PathParam("id") String id) {
        return captured.find(id).orElseThrow(() -> ApiException.notFound("No request captured as " + id));
    }
}
