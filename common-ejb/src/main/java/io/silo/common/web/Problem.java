package io.silo.common.web;

import io.silo.common.silo.SiloMode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error the API answers ({@code application/problem+json}).
 * {@code errors} lists the offending fields of a refused request and is left out otherwise.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        Response.Status status = Response.Status.BAD_REQUEST;
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.copyOf(errors));
    }

    /** The detail of a 404 for a path this server does not serve, e.g. one of the other silo. */
    public static String noSuchEndpoint(SiloMode mode, String method, String path) {
        return "No such endpoint on this " + mode + " server: " + method + " /" + (path.startsWith("/") ? path.substring(1) : path);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
    }
}
