package io.silo.common.rpc;

import io.silo.common.silo.AllSilos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls the {@link RpcImplementation} of a service deployed in this server, for the dispatcher and in-process clients. */
@ApplicationScoped
@AllSilos
public class RpcImplementations {

    @Inject
    @Any
    Instance<Object> beans;

    private final Map<Class<?>, Object> implementations = new ConcurrentHashMap<>();

    public boolean deployed(Class<?> service) {
        return implementations.containsKey(service) || beans.select(service, RpcImplementation.Literal.INSTANCE).isResolvable();
    }

    /** Runs the method on this server's implementation; whatever it throws is thrown as is. */
    public Object invoke(RpcMethod method, Object[] arguments) {
        Object implementation = implementations.computeIfAbsent(method.serviceType(),
                type -> beans.select(type, RpcImplementation.Literal.INSTANCE).get());
        try {
            return method.method().invoke(implementation, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
