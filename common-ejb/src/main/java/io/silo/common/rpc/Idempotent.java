package io.silo.common.rpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An RPC method that may run twice without harm (reads, upserts). Only these are retried after a call
 * that may have reached the callee (a lost reply); any method is retried when the callee surely did not
 * run it (connection refused, 503).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
