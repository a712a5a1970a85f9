package io.silo.common.web;

/** One offending field of a refused request: its name as the client sent it and what is wrong with it. */
public record FieldError(String field, String message) {
}
