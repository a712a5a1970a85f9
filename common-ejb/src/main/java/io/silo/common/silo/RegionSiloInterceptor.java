package io.silo.common.silo;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses calls to {@link RegionSilo} beans, timers included, on a CONTROL server. */
@RegionSilo
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class RegionSiloInterceptor {

    @AroundInvoke
    @AroundTimeout
    public Object enforce(InvocationContext invocation) throws Exception {
        Silos.check(invocation.getTarget().getClass(), invocation.getMethod().getName());
        return invocation.proceed();
    }
}
