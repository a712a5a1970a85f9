package io.silo.common.silo;

/** Something of one silo was used on a server of another. Always a programming or deployment error. */
public class SiloUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SiloUnavailableException(String message) {
        super(message);
    }
}
