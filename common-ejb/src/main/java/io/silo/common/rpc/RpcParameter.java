package io.silo.common.rpc;

import java.lang.reflect.Type;
import java.util.Optional;

/**
 * A named argument of an RPC method. An {@link Optional} parameter may be left out (it is then empty):
 * that is the only way to add an argument without breaking callers of an older version.
 */
public record RpcParameter(String name, Type type) {

    public boolean optional() {
        Type raw = type instanceof java.lang.reflect.ParameterizedType parameterized ? parameterized.getRawType() : type;
        return raw == Optional.class;
    }
}
