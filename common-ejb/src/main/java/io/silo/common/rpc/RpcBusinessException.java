package io.silo.common.rpc;

import jakarta.ejb.ApplicationException;

/**
 * A refusal an RPC service declares as part of its contract (no such user, ...). The callee answers 422
 * with the exception's class name and message, and the caller's client throws the same type again.
 * Subclasses live in common-ejb next to their service and have a public constructor taking the message.
 */
@ApplicationException(rollback = true)
public abstract class RpcBusinessException extends RuntimeException {

    /** The problem type of a business error, followed by its class name; the caller rethrows that class. */
    public static final String PROBLEM_TYPE = "urn:silo:rpc:error:";

    private static final long serialVersionUID = 1L;

    protected RpcBusinessException(String message) {
        super(message);
    }
}
