package io.silo.common.web;

import io.silo.common.silo.Silos;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The HTTP errors JAX-RS raises without a body (no such endpoint, method not allowed, unsupported
 * media type…) answer as problem+json like every other error. A split server deploys only its own
 * silo's resources, so a path of the other silo is simply unknown here: its 404 names the mode.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.getStatus() < 400 || response.hasEntity()) {
            return response;
        }
        String detail = response.getStatus() == Response.Status.NOT_FOUND.getStatusCode() && uri.getMatchedResources().isEmpty()
                ? Problem.noSuchEndpoint(Silos.currentMode(), request.getMethod(), uri.getPath())
                : exception.getMessage();
        Problem problem = new Problem("about:blank", response.getStatusInfo().getReasonPhrase(), response.getStatus(), detail);
        return Response.fromResponse(response).type(MediaType.valueOf(Problem.MEDIA_TYPE)).entity(problem).build();
    }
}
