package io.silo.common.rpc;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The wire format of RPC calls, used by both ends: the body is a JSON object of named arguments, the reply
 * the JSON of the return value ({@code null} for an empty Optional).
 */
public final class RpcJson {

    private static final Jsonb JSONB = JsonbBuilder.create();
    // Json.createReader looks the provider up again on every call, a fifth of a dispatch's CPU when measured
    private static final JsonProvider JSON = JsonProvider.provider();

    private RpcJson() {
    }

    /** An argument the callee cannot accept; {@code argument} is its name, or null when the body as a whole is wrong. */
    public static final class BadArgument extends Exception {
        private static final long serialVersionUID = 1L;
        private final String argument;

        BadArgument(String argument, String message) {
            super(message);
            this.argument = argument;
        }

        public String argument() {
            return argument;
        }
    }

    public static byte[] writeArguments(RpcMethod method, Object[] arguments) {
        // argument names are Java identifiers: nothing to escape
        StringBuilder json = new StringBuilder(128).append('{');
        List<RpcParameter> parameters = method.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            Object value = arguments[i] instanceof Optional<?> optional ? optional.orElse(null) : arguments[i];
            json.append(i == 0 ? "\"" : ",\"").append(parameters.get(i).name()).append("\":")
                    .append(value == null ? "null" : JSONB.toJson(value));
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Object[] readArguments(RpcMethod method, byte[] body) throws BadArgument {
        JsonObject object;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new BadArgument(null, "The body must be a JSON object of named arguments");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw new BadArgument(null, "The body is not valid JSON");
        }
        List<RpcParameter> parameters = method.parameters();
        for (String name : object.keySet()) {
            if (parameters.stream().noneMatch(parameter -> parameter.name().equals(name))) {
                throw new BadArgument(name, method.qualifiedName() + " has no argument '" + name + "'");
            }
        }
        Object[] arguments = new Object[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            RpcParameter parameter = parameters.get(i);
            JsonValue value = object.get(parameter.name());
            boolean absent = value == null || value.getValueType() == JsonValue.ValueType.NULL;
            if (absent && parameter.optional()) {
                arguments[i] = Optional.empty();
            } else if (absent) {
                throw new BadArgument(parameter.name(), "Argument '" + parameter.name() + "' of " + method.qualifiedName()
                        + " is missing");
            } else {
                arguments[i] = read(value.toString(), parameter.type(), parameter.name(), method);
            }
        }
        return arguments;
    }

    private static Object read(String json, Type type, String name, RpcMethod method) throws BadArgument {
        try {
            if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
                return Optional.of(JSONB.fromJson(json, parameterized.getActualTypeArguments()[0]));
            }
            Object value = JSONB.fromJson(json, type);
            if (value == null) {
                throw new BadArgument(name, "Argument '" + name + "' of " + method.qualifiedName() + " is missing");
            }
            return value;
        } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
            throw new BadArgument(name, "Argument '" + name + "' of " + method.qualifiedName() + " is not a "
                    + describe(type) + ": " + json.substring(0, Math.min(json.length(), 80)));
        }
    }

    /** Any JSON the RPC layer reads besides arguments and values, e.g. a callee's problem details. */
    public static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    public static byte[] writeResult(RpcMethod method, Object result) {
        Object value = result instanceof Optional<?> optional ? optional.orElse(null) : result;
        return (value == null ? "null" : JSONB.toJson(value)).getBytes(StandardCharsets.UTF_8);
    }

    public static Object readResult(RpcMethod method, byte[] body) {
        Type type = method.method().getGenericReturnType();
        String json = new String(body, StandardCharsets.UTF_8);
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return json.strip().equals("null") ? Optional.empty()
                    : Optional.of(JSONB.fromJson(json, parameterized.getActualTypeArguments()[0]));
        }
        return type == void.class ? null : JSONB.fromJson(json, type);
    }

    private static String describe(Type type) {
        return type instanceof Class<?> raw ? raw.getSimpleName() : type.getTypeName().replaceAll("[a-z.]+\\.", "");
    }
}
