package io.silo.common.rpc;

/** The target silo failed too often lately: calls fail at once, unsent, until its circuit half-opens. */
public class RpcCircuitOpenException extends RpcUnavailableException {

    private static final long serialVersionUID = 1L;

    public RpcCircuitOpenException(String message) {
        super(message, null);
    }
}
