package io.silo.common.rpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface in common-ejb as a cross-silo RPC service. Its methods take and return only
 * records, enums, primitives, String and java.time values (checked by the architecture tests).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RpcService {
}
