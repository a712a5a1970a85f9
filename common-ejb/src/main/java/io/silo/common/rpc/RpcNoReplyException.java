package io.silo.common.rpc;

/**
 * The call was sent but no reply came (read timeout, connection lost): the callee may have run it. Only
 * {@link Idempotent} methods are retried after this.
 */
public class RpcNoReplyException extends RpcUnavailableException {

    private static final long serialVersionUID = 1L;

    public RpcNoReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
