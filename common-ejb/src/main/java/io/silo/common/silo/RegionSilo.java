package io.silo.common.silo;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lives in a region silo: usable on REGION and MONOLITH servers only. Put it on entities,
 * services, REST resources, jobs and message consumers; calls on a CONTROL server fail loudly.
 */
@Inherited
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RegionSilo {
}
