package io.silo.common.testing.api;

import io.silo.common.rpc.RpcBusinessException;
import io.silo.common.rpc.RpcCatalog;
import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.RpcJson;
import io.silo.common.rpc.RpcMethod;
import io.silo.common.rpc.client.RpcClients;
import io.silo.common.rpc.api.RpcDispatchResource;
import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloMode;
import io.silo.common.web.ApiException;
import io.silo.common.web.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.InvocationTargetException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the end-to-end tests only (test WARs only, module {@code testing}): makes this
 * server call an RPC method through the client its own code gets (a control service as the injected bare
 * interface, a region's through {@link RpcClients#region} or, given {@code ?organization=}, {@link RpcClients#organization}),
 * so tests drive real calls between real servers.
 * Answers the value, or a problem whose type names what the client threw:
 * {@code urn:silo:rpc:error:<business exception class>} or {@code urn:silo:rpc:failure:<kind>}.
 */
@Path("api/0/internal/testing/rpc/{service}/{method}")
@RequestScoped
@AllSilos
public class RpcProbeResource {

    public static final String FAILURE_TYPE = "urn:silo:rpc:failure:";

    @Inject
    RpcClients clients;

    @Inject
    Instance<Object> beans;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response call(@PathParam("service") String service, @PathParam("method") String name,
                         @QueryParam("region") String region, @QueryParam("organization") Long organization,
                         byte[] body) {
        RpcMethod method = RpcCatalog.find(service, name)
                .orElseThrow(() -> ApiException.notFound("No RPC method " + service + "." + name));
        long started = System.nanoTime();
        try {
            Object[] arguments = RpcJson.readArguments(method, body);
            Object client = method.owner() == SiloMode.CONTROL ? beans.select(method.serviceType()).get()
                    : organization != null ? clients.organization(organization, method.serviceType())
                    : clients.region(region, method.serviceType());
            Object result = method.method().invoke(client, arguments);
            return Response.ok(RpcJson.writeResult(method, result), MediaType.APPLICATION_JSON_TYPE)
                    .header("X-Rpc-Millis", elapsedMillis(started)).build();
        } catch (RpcJson.BadArgument e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (InvocationTargetException e) {
            Throwable raised = e.getCause();
            String type = raised instanceof RpcBusinessException ? RpcBusinessException.PROBLEM_TYPE + raised.getClass().getName()
                    : raised instanceof RpcException rpc ? FAILURE_TYPE + rpc.kind() : FAILURE_TYPE + raised.getClass().getName();
            return new Problem(type, "RPC failed", 502, raised.getMessage(), null).toResponseBuilder()
                    .header("X-Rpc-Millis", elapsedMillis(started)).build();
        } catch (RpcException e) {
            return new Problem(FAILURE_TYPE + e.kind(), "RPC client refused", 502, e.getMessage(), null).toResponse();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
