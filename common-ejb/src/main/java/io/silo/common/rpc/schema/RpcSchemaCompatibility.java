package io.silo.common.rpc.schema;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes between two RPC schema documents that break a caller or callee still running the older one:
 * a removed service or method; a removed argument; an argument added without a default (only Optional
 * arguments may be left out); an argument's or the value's type changed; a field removed from a record, or
 * a required field added to a record callers send. Added methods, Optional arguments and fields of returned
 * records are compatible.
 */
public final class RpcSchemaCompatibility {

    private static final String PREFIX = "/api/0/internal/rpc/";

    private RpcSchemaCompatibility() {
    }

    public static List<String> breakingChanges(JsonObject previous, JsonObject current) {
        List<String> changes = new ArrayList<>();
        JsonObject previousPaths = previous.getJsonObject("paths");
        JsonObject currentPaths = current.getJsonObject("paths");
        Set<String> currentServices = new HashSet<>();
        currentPaths.keySet().forEach(path -> currentServices.add(service(path)));
        Set<String> reportedServices = new HashSet<>();
        for (String path : previousPaths.keySet()) {
            String name = path.substring(PREFIX.length()).replace('/', '.');
            if (!currentPaths.containsKey(path)) {
                if (!currentServices.contains(service(path))) {
                    if (reportedServices.add(service(path))) {
                        changes.add("service " + service(path) + " removed");
                    }
                } else {
                    changes.add(name + " removed");
                }
                continue;
            }
            JsonObject before = previousPaths.getJsonObject(path).getJsonObject("post");
            JsonObject after = currentPaths.getJsonObject(path).getJsonObject("post");
            compareArguments(name, requestSchema(before), previous, requestSchema(after), current, changes);
            JsonObject beforeValue = valueSchema(before);
            JsonObject afterValue = valueSchema(after);
            if ((beforeValue == null) != (afterValue == null)) {
                changes.add(name + ": value changed from " + (beforeValue == null ? "none" : "a value") + " to "
                        + (afterValue == null ? "none" : "a value"));
            } else if (beforeValue != null) {
                compare(name + " value", beforeValue, previous, afterValue, current, false, changes);
            }
        }
        return changes;
    }

    private static void compareArguments(String name, JsonObject before, JsonObject previous, JsonObject after,
                                         JsonObject current, List<String> changes) {
        JsonObject beforeArguments = before.getJsonObject("properties");
        JsonObject afterArguments = after.getJsonObject("properties");
        for (String argument : beforeArguments.keySet()) {
            if (!afterArguments.containsKey(argument)) {
                changes.add(name + ": argument '" + argument + "' removed");
            } else {
                compare(name + " argument '" + argument + "'", beforeArguments.getJsonObject(argument), previous,
                        afterArguments.getJsonObject(argument), current, true, changes);
            }
        }
        Set<String> required = strings(after.getJsonArray("required"));
        for (String argument : afterArguments.keySet()) {
            if (!beforeArguments.containsKey(argument) && required.contains(argument)) {
                changes.add(name + ": argument '" + argument + "' added without a default (make it Optional)");
            }
        }
    }

    /** @param sent whether callers send this (an argument) rather than receive it (the value) */
    private static void compare(String where, JsonObject before, JsonObject previous, JsonObject after, JsonObject current,
                                boolean sent, List<String> changes) {
        JsonObject resolvedBefore = resolve(before, previous);
        JsonObject resolvedAfter = resolve(after, current);
        String typeBefore = describe(resolvedBefore);
        String typeAfter = describe(resolvedAfter);
        if (!typeBefore.equals(typeAfter)) {
            changes.add(where + ": type changed from " + typeBefore + " to " + typeAfter);
            return;
        }
        if (resolvedBefore.containsKey("items")) {
            compare(where + " items", resolvedBefore.getJsonObject("items"), previous, resolvedAfter.getJsonObject("items"),
                    current, sent, changes);
        }
        if (resolvedBefore.containsKey("properties")) {
            JsonObject fieldsBefore = resolvedBefore.getJsonObject("properties");
            JsonObject fieldsAfter = resolvedAfter.getJsonObject("properties");
            for (String field : fieldsBefore.keySet()) {
                if (!fieldsAfter.containsKey(field)) {
                    changes.add(where + ": field '" + field + "' removed");
                } else {
                    compare(where + " field '" + field + "'", fieldsBefore.getJsonObject(field), previous,
                            fieldsAfter.getJsonObject(field), current, sent, changes);
                }
            }
            Set<String> required = strings(resolvedAfter.getJsonArray("required"));
            for (String field : fieldsAfter.keySet()) {
                if (sent && !fieldsBefore.containsKey(field) && required.contains(field)) {
                    changes.add(where + ": required field '" + field + "' added");
                }
            }
        }
    }

    /** A schema's shape without its fields: type, format, enum values, nullability, record name. */
    private static String describe(JsonObject schema) {
        StringBuilder text = new StringBuilder(schema.getString("type", "object"));
        if (schema.containsKey("format")) {
            text.append('(').append(schema.getString("format")).append(')');
        }
        if (schema.containsKey("enum")) {
            text.append(strings(schema.getJsonArray("enum")));
        }
        if (schema.getBoolean("nullable", false)) {
            text.append(" or null");
        }
        if (schema.containsKey("additionalProperties") && schema.get("additionalProperties").getValueType() == JsonValue.ValueType.OBJECT) {
            text.append(" map of ").append(describe(schema.getJsonObject("additionalProperties")));
        }
        return text.toString();
    }

    private static JsonObject resolve(JsonObject schema, JsonObject document) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String name = schema.getString("$ref").substring("#/components/schemas/".length());
        JsonObject resolved = document.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        if (schema.getBoolean("nullable", false)) {
            return jakarta.json.Json.createObjectBuilder(resolved).add("nullable", true).build();
        }
        return resolved;
    }

    private static JsonObject requestSchema(JsonObject operation) {
        return operation.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema");
    }

    private static JsonObject valueSchema(JsonObject operation) {
        JsonObject ok = operation.getJsonObject("responses").getJsonObject("200");
        return ok == null ? null : ok.getJsonObject("content").getJsonObject("application/json").getJsonObject("schema");
    }

    private static String service(String path) {
        String rest = path.substring(PREFIX.length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private static Set<String> strings(JsonArray array) {
        Set<String> values = new java.util.TreeSet<>();
        if (array != null) {
            array.getValuesAs(JsonString.class).forEach(value -> values.add(value.getString()));
        }
        return values;
    }
}
