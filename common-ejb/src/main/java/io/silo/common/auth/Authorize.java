package io.silo.common.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a resource method demands of its caller beyond being authenticated, which every API endpoint
 * demands unless it is {@link PublicEndpoint}. On a class it applies to every method without its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authorize {

    /** Scopes the credential must grant, all of them. */
    Scope[] scopes() default {};

    /** Only a login session will do: tokens must not manage credentials, or a leaked token could mint more. */
    boolean sessionOnly() default false;

    /** An organization token will not do: the endpoint acts on a user's own account. */
    boolean userOnly() default true;
}
