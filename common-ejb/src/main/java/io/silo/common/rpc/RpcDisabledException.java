package io.silo.common.rpc;

/** The method is switched off on this server by {@code silo.rpc.disabled}; nothing was sent. */
public class RpcDisabledException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcDisabledException(String message) {
        super(Kind.DISABLED, message);
    }
}
