package io.silo.common.rpc.organization;

import io.silo.common.rpc.RpcBusinessException;

/** The slug cannot be had: invalid, reserved, or held by another organization (its message says which). */
public class SlugUnavailableException extends RpcBusinessException {

    private static final long serialVersionUID = 1L;

    public SlugUnavailableException(String message) {
        super(message);
    }
}
