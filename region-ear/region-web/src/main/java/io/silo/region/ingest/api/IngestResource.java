package io.silo.region.ingest.api;

import io.silo.common.auth.PublicEndpoint;
import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.ingest.service.DsnCredentials;
import io.silo.region.ingest.service.IngestBody;
import io.silo.region.ingest.service.IngestLimits;
import io.silo.region.ingest.service.IngestMetrics;
import io.silo.region.ingest.service.IngestionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * The Sentry SDKs' ingestion endpoints, outside {@code /api/0/} and authenticated by DSN key (see
 * {@link DsnCredentials}): {@code POST /api/{project_id}/envelope/} (an envelope) and
 * {@code POST /api/{project_id}/store/} (one event as JSON), gzip, deflate or br {@code Content-Encoding} accepted.
 * Both answer {@code {"id": "<event id>"}}; refusals are problem+json (see {@link IngestionService}).
 */
@Path("api/{projectId: [0-9]+}/")
@RequestScoped
@RegionSilo
@PublicEndpoint
public class IngestResource {

    @EJB
    IngestionService ingestion;

    @Inject
    IngestLimits limits;

    @Inject
    IngestMetrics metrics;

    @POST
    @Path("{endpoint: envelope|store}/")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String ingest(@PathParam("projectId") long projectId, @PathParam("endpoint") String endpoint,
                         @HeaderParam("X-Sentry-Auth") String sentryAuth,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @QueryParam("sentry_key") String sentryKey,
                         @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                         @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        DsnCredentials credentials = new DsnCredentials(sentryAuth, authorization, sentryKey);
        try {
            byte[] bytes = IngestBody.read(body, encoding, length == null ? -1 : length, limits);
            String id = endpoint.equals("envelope") ? ingestion.envelope(projectId, credentials, bytes)
                    : ingestion.store(projectId, credentials, bytes);
            // the id is 32 hex digits: nothing to escape
            return id == null ? "{}" : "{\"id\":\"" + id + "\"}";
        } catch (ApiException refused) {
            metrics.refused(refused.problem().status());
            throw refused;
        }
    }
}
