package io.silo.common.rpc.client;

import io.silo.common.rpc.RpcBusinessException;
import io.silo.common.rpc.RpcException;
import io.silo.common.rpc.RpcJson;
import io.silo.common.rpc.RpcMethod;
import io.silo.common.web.Problem;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

/** What a callee answered (anything but 503, which the transport turns into a retry or an unavailable error). */
public record RpcReply(int status, byte[] body) {

    /** The method's return value, or the exception the callee's answer stands for. */
    public Object value(RpcMethod method, RpcTarget target) {
        if (status == 200) {
            try {
                return RpcJson.readResult(method, body);
            } catch (JsonbException e) {
                throw new RpcException(RpcException.Kind.INTERNAL, target.name() + " answered " + method.qualifiedName()
                        + " with a value this server cannot read: " + e.getMessage());
            }
        }
        if (status == 204) {
            return null;
        }
        String detail = detail();
        throw switch (status) {
            case 400 -> new RpcException(RpcException.Kind.BAD_ARGUMENTS, detail);
            case 401, 403 -> new RpcException(RpcException.Kind.REFUSED, target.name() + " refused the call: " + detail);
            case 404 -> new RpcException(RpcException.Kind.NO_SUCH_METHOD, target.name() + ": " + detail);
            case 422 -> businessError();
            default -> new RpcException(RpcException.Kind.INTERNAL, target.name() + " failed " + method.qualifiedName()
                    + " (" + status + "): " + detail);
        };
    }

    private RuntimeException businessError() {
        Problem problem = problem();
        String type = problem == null || problem.type() == null ? "" : problem.type();
        if (type.startsWith(RpcBusinessException.PROBLEM_TYPE)) {
            String name = type.substring(RpcBusinessException.PROBLEM_TYPE.length());
            try {
                Class<?> raised = Class.forName(name, false, RpcBusinessException.class.getClassLoader());
                if (RpcBusinessException.class.isAssignableFrom(raised)) {
                    return (RuntimeException) raised.getConstructor(String.class).newInstance(problem.detail());
                }
            } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                     | InvocationTargetException e) {
                return new RpcException(RpcException.Kind.INTERNAL, "The callee raised " + name
                        + ", which this server does not know: " + problem.detail());
            }
        }
        return new RpcException(RpcException.Kind.INTERNAL, "Unreadable business error: " + detail());
    }

    private String detail() {
        Problem problem = problem();
        return problem != null && problem.detail() != null ? problem.detail()
                : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    }

    private Problem problem() {
        try {
            return RpcJson.read(new String(body, StandardCharsets.UTF_8), Problem.class);
        } catch (JsonbException e) {
            return null;
        }
    }
}
