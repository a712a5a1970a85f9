package io.silo.common.rpc;

/**
 * An RPC call failed for a reason outside the service's contract; {@link #kind()} says which, and is the
 * {@code kind} tag of the {@code silo_rpc_errors} metric.
 */
public class RpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Kind {
        /** The callee refused the arguments (400). A caller's bug. */
        BAD_ARGUMENTS,
        /** The callee refused the signature (401) or the direction (403). A deployment error: keys or directory. */
        REFUSED,
        /** The callee does not serve this service or method (404). Caller and callee are of different versions. */
        NO_SUCH_METHOD,
        /** The callee could not be reached, answered 503, timed out or its circuit is open. Try later. */
        UNAVAILABLE,
        /** The method is switched off by {@code silo.rpc.disabled}. */
        DISABLED,
        /** The callee failed unexpectedly (500) or answered something unreadable. */
        INTERNAL
    }

    private final Kind kind;

    public RpcException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RpcException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
