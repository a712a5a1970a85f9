package io.silo.common.rpc.schema;

import io.silo.common.rpc.RpcCatalog;
import io.silo.common.rpc.RpcMethod;
import io.silo.common.rpc.RpcParameter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The OpenAPI 3 document of RPC services, generated from their interfaces: one POST path per method with
 * its named arguments as the request body, its value as the 200 answer, its declared business exceptions
 * under {@code x-silo-errors}, the owning silo and idempotency as extensions, and every record and enum as a
 * component. The output is deterministic (sorted), so the committed document can be compared with the code.
 */
public final class RpcSchema {

    private RpcSchema() {
    }

    public static JsonObject generate(List<Class<?>> services) {
        Map<String, JsonObject> components = new TreeMap<>();
        Map<String, JsonObject> paths = new TreeMap<>();
        for (Map<String, RpcMethod> methods : RpcCatalog.describe(services).values()) {
            for (RpcMethod method : methods.values()) {
                paths.put(method.path(), Json.createObjectBuilder().add("post", operation(method, components)).build());
            }
        }
        JsonObjectBuilder schemas = Json.createObjectBuilder();
        components.forEach(schemas::add);
        JsonObjectBuilder pathObject = Json.createObjectBuilder();
        paths.forEach(pathObject::add);
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", Json.createObjectBuilder().add("title", "Silo RPC between silos")
                        .add("version", "1")
                        .add("description", "Generated from the @RpcService interfaces of common-ejb; see README, RPC."))
                .add("paths", pathObject)
                .add("components", Json.createObjectBuilder().add("schemas", schemas))
                .build();
    }

    public static String toText(JsonObject schema) {
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter text = new StringWriter();
        try (JsonWriter writer = factory.createWriter(text)) {
            writer.writeObject(schema);
        }
        return text.toString().strip() + "\n";
    }

    private static JsonObject operation(RpcMethod method, Map<String, JsonObject> components) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        JsonArrayBuilder required = Json.createArrayBuilder();
        for (RpcParameter parameter : method.parameters()) {
            properties.add(parameter.name(), schemaOf(parameter.type(), components));
            if (!parameter.optional()) {
                required.add(parameter.name());
            }
        }
        JsonObjectBuilder responses = Json.createObjectBuilder();
        Type returned = method.method().getGenericReturnType();
        if (returned == void.class) {
            responses.add("204", Json.createObjectBuilder().add("description", "done"));
        } else {
            responses.add("200", Json.createObjectBuilder().add("description", "the value")
                    .add("content", json(schemaOf(returned, components))));
        }
        JsonArrayBuilder errors = Json.createArrayBuilder();
        Arrays.stream(method.method().getExceptionTypes()).map(Class::getName).sorted().forEach(errors::add);
        responses.add("400", description("an argument is missing or malformed; errors[0].field names it"))
                .add("401", description("the Rpcsignature is missing, wrong, stale or replayed"))
                .add("403", description("the calling silo may not call this one"))
                .add("404", description("this silo does not serve the service or method"))
                .add("422", Json.createObjectBuilder().add("description", "a business error; type urn:silo:rpc:error:<class>")
                        .add("x-silo-errors", errors))
                .add("503", description("the silo cannot serve now; retried by the client"));
        return Json.createObjectBuilder()
                .add("operationId", method.qualifiedName())
                .add("tags", Json.createArrayBuilder().add(method.service()))
                .add("x-silo-owner", method.owner().name())
                .add("x-silo-idempotent", method.idempotent())
                .add("requestBody", Json.createObjectBuilder().add("required", true).add("content", json(Json.createObjectBuilder()
                        .add("type", "object").add("properties", properties).add("required", required)
                        .add("additionalProperties", false).build())))
                .add("responses", responses)
                .build();
    }

    private static JsonObjectBuilder description(String text) {
        return Json.createObjectBuilder().add("description", text);
    }

    private static JsonObject json(JsonObject schema) {
        return Json.createObjectBuilder().add("application/json", Json.createObjectBuilder().add("schema", schema)).build();
    }

    static JsonObject schemaOf(Type type, Map<String, JsonObject> components) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                return Json.createObjectBuilder(schemaOf(arguments[0], components)).add("nullable", true).build();
            }
            if (Collection.class.isAssignableFrom(raw)) {
                JsonObjectBuilder array = Json.createObjectBuilder().add("type", "array").add("items", schemaOf(arguments[0], components));
                return (Set.class.isAssignableFrom(raw) ? array.add("uniqueItems", true) : array).build();
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Json.createObjectBuilder().add("type", "object")
                        .add("additionalProperties", schemaOf(arguments[1], components)).build();
            }
            throw new IllegalArgumentException("No RPC schema for " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == boolean.class || raw == Boolean.class) {
            return simple("boolean", null);
        }
        if (raw == int.class || raw == Integer.class) {
            return simple("integer", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return simple("integer", "int64");
        }
        if (raw == double.class || raw == Double.class) {
            return simple("number", "double");
        }
        if (raw == String.class) {
            return simple("string", null);
        }
        if (raw == java.time.Instant.class || raw == java.time.OffsetDateTime.class) {
            return simple("string", "date-time");
        }
        if (raw == java.time.LocalDate.class) {
            return simple("string", "date");
        }
        if (raw == java.time.Duration.class) {
            return simple("string", "duration");
        }
        if (raw.isEnum() || raw.isRecord()) {
            components.computeIfAbsent(raw.getSimpleName(), name -> null);
            if (components.get(raw.getSimpleName()) == null) {
                components.put(raw.getSimpleName(), Json.createObjectBuilder().build()); // recursion guard
                components.put(raw.getSimpleName(), raw.isEnum() ? enumSchema(raw) : recordSchema(raw, components));
            }
            return Json.createObjectBuilder().add("$ref", "#/components/schemas/" + raw.getSimpleName()).build();
        }
        throw new IllegalArgumentException("No RPC schema for " + raw.getName());
    }

    private static JsonObject simple(String type, String format) {
        JsonObjectBuilder schema = Json.createObjectBuilder().add("type", type);
        return (format == null ? schema : schema.add("format", format)).build();
    }

    private static JsonObject enumSchema(Class<?> type) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        Arrays.stream(type.getEnumConstants()).map(Object::toString).forEach(values::add);
        return Json.createObjectBuilder().add("type", "string").add("enum", values).build();
    }

    private static JsonObject recordSchema(Class<?> type, Map<String, JsonObject> components) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        JsonArrayBuilder required = Json.createArrayBuilder();
        for (RecordComponent component : type.getRecordComponents()) {
            Type componentType = component.getGenericType();
            properties.add(component.getName(), schemaOf(componentType, components));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        return Json.createObjectBuilder().add("type", "object").add("properties", properties).add("required", required).build();
    }
}
