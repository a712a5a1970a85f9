package io.silo.common.rpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface in common-ejb as a cross-silo RPC service, served at
 * {@code POST /api/0/internal/rpc/{name}/{method}} by the silo named with {@code @ControlSilo} or
 * {@code @RegionSilo} on the same interface. Its methods take and return only records, enums, primitives,
 * String and java.time values (checked by the architecture tests); method names are unique per service.
 * Every service is listed in {@link RpcCatalog}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RpcService {

    /** The service's name in the dispatch path, e.g. {@code user}; never renamed once callers exist. */
    String value();
}
