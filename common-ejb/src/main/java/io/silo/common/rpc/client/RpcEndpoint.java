package io.silo.common.rpc.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Another silo's RPC dispatch endpoint, as a MicroProfile REST Client; the body is sent as signed, byte for byte. */
// No @Path on the interface: the server must not take it for a root resource next to the dispatcher.
public interface RpcEndpoint {

    @POST
    @Path("/api/0/internal/rpc/{service}/{method}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    Response call(@PathParam("service") String service, @PathParam("method") String method,
                  @HeaderParam(HttpHeaders.AUTHORIZATION) String signature, byte[] body);
}
