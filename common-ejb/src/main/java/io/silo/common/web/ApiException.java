package io.silo.common.web;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * The one way services and resources refuse a request: it becomes an {@code application/problem+json}
 * answer with this status and detail (and the given response headers, such as {@code Retry-After}).
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public ApiException(Response.StatusType status, String detail) {
        this(Problem.of(status, detail), Map.of());
    }

    public ApiException(Problem problem, Map<String, String> headers) {
        super(problem.detail());
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(Response.Status.BAD_REQUEST, detail);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(Problem.invalid("Invalid " + field + ": " + message,
                List.of(new FieldError(field, message))), Map.of());
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of(Response.Status.UNAUTHORIZED, detail),
                Map.of("WWW-Authenticate", "Bearer realm=\"silo\""));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Response.Status.FORBIDDEN, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Response.Status.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Response.Status.CONFLICT, detail);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(Problem.of(Response.Status.TOO_MANY_REQUESTS, detail),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds))));
    }

    /** 503: something this request needs (another silo, the broker) is down for now; try again after a while. */
    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail),
                Map.of("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds))));
    }

    public Problem problem() {
        return problem;
    }

    /** The response headers that go with the problem, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public Response toResponse() {
        Response.ResponseBuilder response = problem.toResponseBuilder();
        headers.forEach(response::header);
        return response.build();
    }
}
