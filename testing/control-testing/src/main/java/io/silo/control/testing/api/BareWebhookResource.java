package io.silo.control.testing.api;

import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the webhook ingress benchmark only (test WARs only, module {@code testing}): a plain JAX-RS POST that reads the same
 * body as {@code /extensions/github/webhook/} fully and answers 204, without signature check, parsing or mailbox
 * write — the baseline the ingress is compared with.
 */
@Path("api/0/internal/testing/bare/webhook")
@RequestScoped
@ControlSilo
public class BareWebhookResource {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response receive(byte[] body) {
        // JAX-RS has read the whole body into the array by now, as it does for the webhook resource
        return Response.noContent().build();
    }
}
