package io.silo.common.outbox.api;

import io.silo.common.auth.Authorize;
import io.silo.common.auth.Scope;
import io.silo.common.outbox.DeadLetterQueue;
import io.silo.common.outbox.OutboxScope;
import io.silo.common.outbox.OutboxShards;
import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import io.silo.common.web.Cursor;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Operating this silo's outbox and its broker's dead-letter queue: {@code /api/0/admin/outbox/}. Every server
 * answers for its own silo (a MONOLITH for both outbox tables and its one broker). Operators only: the
 * {@code admin} scope, which control grants to users listed in {@code silo.admin.emails}.
 */
@Path("api/0/admin/outbox/")
@RequestScoped
@AllSilos
@Produces(MediaType.APPLICATION_JSON)
@Authorize(scopes = Scope.ADMIN)
public class OutboxAdminResource {

    @EJB
    OutboxShards shards;

    @Inject
    DeadLetterQueue deadLetters;

    /** Shards with rows waiting, the most recently started first, cursor-paginated. */
    @GET
    @Path("shards/")
    public Response listShards(@QueryParam("cursor") String cursor, @QueryParam("per_page") String perPage,
                               @Context UriInfo uri) {
        return shards.page(Cursor.parse(cursor), Cursor.limit(perPage)).map(ShardView::of).toResponse(uri).build();
    }

    /** Clears the shard's back-off so it drains now; {@code destination} limits it to one destination silo. */
    @POST
    @Path("shards/{scope}/{shardId}/enable/")
    public Map<String, Integer> enableShard(@PathParam("scope") String scope, @PathParam("shardId") String shardId,
                                            @QueryParam("destination") String destination) {
        OutboxScope shardScope;
        long id;
        try {
            shardScope = OutboxScope.valueOf(scope.toUpperCase(Locale.ROOT));
            id = Long.parseLong(shardId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("No such shard: " + scope + ":" + shardId);
        }
        return Map.of("enabled", shards.enable(shardScope, id, Optional.ofNullable(destination).filter(d -> !d.isBlank())));
    }

    /** The first {@code per_page} (1–100, default 100) parked messages, oldest first. */
    @GET
    @Path("dead-letters/")
    public List<DeadLetterView> listDeadLetters(@QueryParam("per_page") String perPage) {
        return deadLetters.browse(Cursor.limit(perPage)).stream().map(DeadLetterView::of).toList();
    }

    /** Puts the message back on the queue it came from; it is applied again, or parked again if it still fails. */
    @POST
    @Path("dead-letters/{messageId}/replay/")
    public DeadLetterView replay(@PathParam("messageId") String messageId) {
        return deadLetters.replay(messageId).map(DeadLetterView::of)
                .orElseThrow(() -> ApiException.notFound("No such dead letter"));
    }

    @DELETE
    @Path("dead-letters/{messageId}/")
    public Response discard(@PathParam("messageId") String messageId) {
        deadLetters.discard(messageId).orElseThrow(() -> ApiException.notFound("No such dead letter"));
        return Response.noContent().build();
    }
}
