package io.silo.common.region;

/** The configured region directory is inconsistent; the server refuses to start. */
public class InvalidRegionDirectoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InvalidRegionDirectoryException(String message) {
        super(message);
    }
}
