package io.silo.common.rpc;

import io.silo.common.silo.SiloMode;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One method of an RPC service as the dispatcher, the client and the schema see it.
 *
 * @param owner      the silo serving it: CONTROL or REGION
 * @param idempotent marked {@link Idempotent}: retried even after a lost reply
 */
public record RpcMethod(String service, String name, Class<?> serviceType, Method method, List<RpcParameter> parameters,
                        SiloMode owner, boolean idempotent) {

    /** {@code service.method}, as the kill switch and the metrics name it. */
    public String qualifiedName() {
        return service + "." + name;
    }

    /** The dispatch path below the server root. */
    public String path() {
        return "/api/0/internal/rpc/" + service + "/" + name;
    }
}
