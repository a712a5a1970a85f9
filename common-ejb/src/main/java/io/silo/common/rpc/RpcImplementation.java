package io.silo.common.rpc;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the one bean implementing an RPC service in its owning silo. Callers never inject it: they
 * inject the bare interface and get the RPC client, which calls this bean in-process where it is deployed
 * and over HTTP elsewhere, with the same kill switch, metrics and error types either way.
 */
@Qualifier
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface RpcImplementation {

    /** For selecting the implementation programmatically. */
    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<RpcImplementation> implements RpcImplementation {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
