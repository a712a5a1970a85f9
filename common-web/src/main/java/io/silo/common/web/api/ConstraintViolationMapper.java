package io.silo.common.web.api;

import io.silo.common.web.FieldError;
import io.silo.common.web.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation refusals of a request body: 400 naming every offending field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (errors.isEmpty()) {
            return Problem.of(Response.Status.BAD_REQUEST, "The request is invalid").toResponse();
        }
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .reduce((left, right) -> left + "; " + right).map(text -> "Invalid request: " + text).orElseThrow();
        return Problem.invalid(detail, errors).toResponse();
    }

    /** The last named node of the path: {@code signUp.request.email} is the client's {@code email}. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = "body";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                field = node.getName();
            }
        }
        return field;
    }
}
