package io.silo.common.rpc.organization;

/** The slug is valid but held by another organization (or claimed by a concurrent creation or rename). */
public class SlugTakenException extends SlugUnavailableException {

    private static final long serialVersionUID = 1L;

    public SlugTakenException(String message) {
        super(message);
    }
}
