package io.silo.common.silo;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Refuses calls to {@link ControlSilo} beans, timers included, on a REGION server. */
@ControlSilo
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class ControlSiloInterceptor {

    @AroundInvoke
    @AroundTimeout
    public Object enforce(InvocationContext invocation) throws Exception {
        Silos.check(invocation.getTarget().getClass(), invocation.getMethod().getName());
        return invocation.proceed();
    }
}
