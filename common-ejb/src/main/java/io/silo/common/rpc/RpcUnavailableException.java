package io.silo.common.rpc;

/** The callee silo could not answer: unreachable, 503, no reply within the timeout, or its circuit is open. */
public class RpcUnavailableException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
