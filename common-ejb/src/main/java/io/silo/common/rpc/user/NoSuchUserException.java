package io.silo.common.rpc.user;

import io.silo.common.rpc.RpcBusinessException;

/** No user has the id asked for. */
public class NoSuchUserException extends RpcBusinessException {

    private static final long serialVersionUID = 1L;

    public NoSuchUserException(String message) {
        super(message);
    }
}
