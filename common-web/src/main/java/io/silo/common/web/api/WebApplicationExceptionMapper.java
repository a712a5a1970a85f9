package io.silo.common.web.api;

import io.silo.common.web.Problem;
import io.silo.common.silo.Silos;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Refusals raised by the JAX-RS runtime itself (unknown path, wrong method or media type, unreadable body)
 * in the same problem+json form as Silo's own, keeping headers such as {@code Allow}. A split server deploys
 * only its own silo's resources, so a path of the other silo is simply unknown here: its 404 names the mode.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder response = Problem.of(status, detail(exception, status)).toResponseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private String detail(WebApplicationException exception, Response.StatusType status) {
        JsonbException malformed = UnexpectedExceptionMapper.causeOf(exception, JsonbException.class);
        if (malformed != null) {
            return MalformedBody.describe(malformed);
        }
        return switch (status.getStatusCode()) {
            case 404 -> uri.getMatchedResources().isEmpty()
                    ? Problem.noSuchEndpoint(Silos.currentMode(), request.getMethod(), uri.getPath())
                    : "No such object";
            case 405 -> "This endpoint does not accept this method; see the Allow header";
            case 406 -> "This endpoint cannot answer in the media type asked for in Accept";
            case 415 -> "Send the body as application/json";
            default -> exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
        };
    }
}
