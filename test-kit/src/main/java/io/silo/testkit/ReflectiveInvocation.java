package io.silo.testkit;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Drives a real interceptor around a real method call without a container, so a unit test can
 * prove what an interceptor does to a call.
 */
public final class ReflectiveInvocation implements InvocationContext {

    private final Object target;
    private final Method method;
    private Object[] parameters;
    private final Map<String, Object> data = new HashMap<>();

    public ReflectiveInvocation(Object target, String methodName, Object... parameters) {
        this.target = target;
        this.method = findMethod(target.getClass(), methodName, parameters.length);
        this.parameters = parameters;
    }

    private static Method findMethod(Class<?> type, String name, int arity) {
        for (Method candidate : type.getMethods()) {
            if (candidate.getName().equals(name) && candidate.getParameterCount() == arity) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no public method " + name + "/" + arity);
    }

    @Override
    public Object getTarget() {
        return target;
    }

    @Override
    public Object getTimer() {
        return null;
    }

    @Override
    public Method getMethod() {
        return method;
    }

    @Override
    public Constructor<?> getConstructor() {
        return null;
    }

    @Override
    public Object[] getParameters() {
        return parameters;
    }

    @Override
    public void setParameters(Object[] params) {
        this.parameters = params;
    }

    @Override
    public Map<String, Object> getContextData() {
        return data;
    }

    @Override
    public Object proceed() throws Exception {
        try {
            return method.invoke(target, parameters);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
