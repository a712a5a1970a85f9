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
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
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
import java.util.function.Function;

/**
 * The Sentry SDKs' ingestion endpoints, outside {@code /api/0/} and authenticated by DSN key (see
 * {@link DsnCredentials}): {@code POST /api/{project_id}/envelope/} (an envelope) and
 * {@code POST /api/{project_id}/store/} (one event as JSON), gzip or deflate {@code Content-Encoding} accepted.
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
    @Path("envelope/")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String envelope(@PathParam("projectId") long projectId, @HeaderParam("X-Sentry-Auth") String sentryAuth,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @QueryParam("sentry_key") String sentryKey,
                           @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        return ingest(body, encoding, length, bytes -> ingestion.envelope(projectId,
                new DsnCredentials(sentryAuth, authorization, sentryKey), bytes));
    }

    @POST
    @Path("store/")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String store(@PathParam("projectId") long projectId, @HeaderParam("X-Sentry-Auth") String sentryAuth,
                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                        @QueryParam("sentry_key") String sentryKey,
                        @HeaderParam(HttpHeaders.CONTENT_ENCODING) String encoding,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) {
        return ingest(body, encoding, length, bytes -> ingestion.store(projectId,
                new DsnCredentials(sentryAuth, authorization, sentryKey), bytes));
    }

    private String ingest(InputStream body, String encoding, Long length, Function<byte[], String> handle) {
        try {
            String id = handle.apply(IngestBody.read(body, encoding, length == null ? -1 : length, limits));
            JsonObjectBuilder reply = Json.createObjectBuilder();
            if (id != null) {
                reply.add("id", id);
            }
            return reply.build().toString();
        } catch (ApiException refused) {
            metrics.refused(refused.problem().status());
            throw refused;
        }
    }
}
