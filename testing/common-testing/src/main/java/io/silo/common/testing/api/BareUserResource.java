package io.silo.common.testing.api;

import io.silo.common.rpc.RpcImplementation;
import io.silo.common.rpc.user.RpcUser;
import io.silo.common.rpc.user.UserService;
import io.silo.common.silo.AllSilos;
import io.silo.common.web.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the RPC benchmark only (test WARs only, module {@code testing}): the same work as
 * {@code user.getById} behind a plain JAX-RS POST of the same JSON, without signature, nonce or dispatcher,
 * the baseline the RPC round trip is compared with.
 */
@Path("api/0/internal/testing/bare/user/getById")
@RequestScoped
@AllSilos
public class BareUserResource {

    /** The body, as the RPC call sends it. */
    public static class GetById {
        public long userId;
    }

    @Inject
    @RpcImplementation
    Instance<UserService> users;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public RpcUser getById(GetById request) {
        if (!users.isResolvable()) {
            throw ApiException.notFound("This server does not serve control's users");
        }
        return users.get().getById(request.userId);
    }
}
