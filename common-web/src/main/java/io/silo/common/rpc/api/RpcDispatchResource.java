package io.silo.common.rpc.api;

import io.silo.common.rpc.dispatch.RpcVerifier;
import io.silo.common.region.RegionDirectory;
import io.silo.common.rpc.RpcBusinessException;
import io.silo.common.rpc.RpcCatalog;
import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.RpcImplementations;
import io.silo.common.rpc.RpcJson;
import io.silo.common.rpc.RpcMethod;
import io.silo.common.rpc.RpcMetrics;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import io.silo.common.silo.SiloMode;
import io.silo.common.web.ApiException;
import io.silo.common.web.FieldError;
import io.silo.common.web.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The one RPC endpoint of a silo: {@code POST /api/0/internal/rpc/{service}/{method}} with a JSON object of
 * named arguments, signed with {@code Authorization: Rpcsignature}. Answers the method's value (200),
 * 400 naming a bad argument, 401 for a bad signature, 403 for a call against the direction rules (a region
 * never calls another region), 404 for a service or method this server does not serve, 422 with the
 * callee's business exception, 503 when the callee cannot serve now.
 */
@Path("api/0/internal/rpc/{service}/{method}")
@RequestScoped
@AllSilos
public class RpcDispatchResource {

    @Inject
    RpcVerifier verifier;

    @Inject
    RpcImplementations implementations;

    @Inject
    RpcMetrics metrics;

    @Inject
    SiloIdentity silo;

    @Inject
    RegionDirectory regions;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response dispatch(@PathParam("service") String service, @PathParam("method") String name,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        String caller = verifier.verify(authorization, "/api/0/internal/rpc/" + service + "/" + name, body);
        checkDirection(caller);
        RpcMethod method = RpcCatalog.find(service, name).orElseThrow(() -> ApiException.notFound(
                RpcCatalog.hasService(service) ? "RPC service '" + service + "' has no method '" + name + "'"
                        : "No RPC service '" + service + "'"));
        if (silo.mode() != SiloMode.MONOLITH && method.owner() != silo.mode()) {
            throw ApiException.notFound("RPC service '" + service + "' is served by " + method.owner()
                    + ", not by this " + silo.mode() + " server");
        }
        long started = System.nanoTime();
        String error = null;
        try {
            Object[] arguments;
            try {
                arguments = RpcJson.readArguments(method, body);
            } catch (RpcJson.BadArgument e) {
                error = RpcException.Kind.BAD_ARGUMENTS.name();
                throw e.argument() == null ? ApiException.badRequest(e.getMessage())
                        : new ApiException(Problem.invalid(e.getMessage(), List.of(new FieldError(e.argument(), e.getMessage()))), Map.of());
            }
            Object result = implementations.invoke(method, arguments);
            return method.method().getReturnType() == void.class ? Response.noContent().build()
                    : Response.ok(RpcJson.writeResult(method, result), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (RpcBusinessException e) {
            error = RpcMetrics.BUSINESS;
            return new Problem(RpcBusinessException.PROBLEM_TYPE + e.getClass().getName(), "Unprocessable Content", 422, e.getMessage(), null)
                    .toResponse();
        } catch (ApiException e) {
            error = error != null ? error : e.problem().status() == 400 ? RpcException.Kind.BAD_ARGUMENTS.name()
                    : RpcException.Kind.INTERNAL.name();
            throw e;
        } catch (RuntimeException e) {
            error = RpcException.Kind.INTERNAL.name();
            throw e;
        } finally {
            metrics.record(method, RpcMetrics.CALLEE, error, started);
        }
    }

    /** Control serves the regions of its directory; a region serves control only; a MONOLITH serves itself. */
    private void checkDirection(String caller) {
        boolean allowed = switch (silo.mode()) {
            case CONTROL -> caller.startsWith("region-") && regions.find(caller.substring("region-".length())).isPresent();
            case REGION -> caller.equals("control");
            case MONOLITH -> true;
        };
        if (!allowed) {
            throw ApiException.forbidden(caller.startsWith("region-") && silo.mode() == SiloMode.REGION
                    ? "A region never calls another region: " + caller + " called " + silo.siloName()
                    : caller + " may not call this " + silo.mode() + " server");
        }
    }
}
