package io.silo.region.event.api;

import io.silo.region.issue.service.EventRow;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * Events in Sentry's shape. {@code id} and {@code eventID} are both the SDK's 32-hex id, {@code groupID} the
 * issue's id; {@code tags} a list of {@code {key, value}} including level, environment and release. The detail
 * adds the stored body's parts as Sentry's {@code entries} (message, exception, breadcrumbs, request) and its
 * {@code contexts} and {@code sdk}.
 */
public final class EventJson {

    private static final String[][] ENTRIES = {{"logentry", "message"}, {"exception", "exception"},
            {"breadcrumbs", "breadcrumbs"}, {"request", "request"}};

    private EventJson() {
    }

    /** An event as lists show it. */
    public static JsonObject summary(EventRow event) {
        return base(event).build();
    }

    /** One event with the parts of its stored body. */
    public static JsonObject detail(EventRow event) {
        JsonObject body = event.body().map(EventJson::read).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
        JsonArrayBuilder entries = Json.createArrayBuilder();
        for (String[] entry : ENTRIES) {
            JsonValue part = body.get(entry[0]);
            if (part == null && entry[0].equals("logentry")) {
                part = body.get("message");
            }
            if (part != null && part != JsonValue.NULL) {
                entries.add(Json.createObjectBuilder().add("type", entry[1]).add("data", entryData(entry[1], part)));
            }
        }
        return base(event)
                .add("dateReceived", event.receivedAt().toString())
                .add("entries", entries)
                .add("contexts", objectOr(body.get("contexts")))
                .add("sdk", body.containsKey("sdk") ? body.get("sdk") : JsonValue.NULL)
                .add("fingerprints", body.containsKey("fingerprint") ? body.get("fingerprint") : JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    private static JsonObjectBuilder base(EventRow event) {
        JsonValue user = event.user() == null ? JsonValue.NULL : read(event.user());
        return Json.createObjectBuilder()
                .add("id", event.eventId())
                .add("eventID", event.eventId())
                .add("groupID", String.valueOf(event.issueId()))
                .add("projectID", String.valueOf(event.projectId()))
                .add("title", event.title())
                .add("message", event.message() == null ? "" : event.message())
                .add("platform", event.platform() == null ? JsonValue.NULL : Json.createValue(event.platform()))
                .add("type", "error")
                .add("dateCreated", event.occurredAt().toString())
                .add("user", user)
                .add("tags", tags(event));
    }

    /** Sentry's exception and breadcrumbs entries hold {@code {values: [...]}}; the SDKs send that or a bare list. */
    private static JsonValue entryData(String type, JsonValue part) {
        if (type.equals("message")) {
            if (part instanceof JsonString text) {
                return Json.createObjectBuilder().add("formatted", text.getString()).build();
            }
            return part;
        }
        if (part.getValueType() == JsonValue.ValueType.ARRAY) {
            return Json.createObjectBuilder().add("values", part).build();
        }
        return part;
    }

    private static JsonArray tags(EventRow event) {
        Map<String, String> tags = new TreeMap<>();
        JsonValue stored = event.tags() == null ? JsonValue.EMPTY_JSON_OBJECT : read(event.tags());
        if (stored.getValueType() == JsonValue.ValueType.OBJECT) {
            stored.asJsonObject().forEach((key, value) -> tags.put(key, text(value)));
        } else if (stored.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue pair : stored.asJsonArray()) {
                if (pair.getValueType() == JsonValue.ValueType.ARRAY && pair.asJsonArray().size() == 2) {
                    tags.put(text(pair.asJsonArray().get(0)), text(pair.asJsonArray().get(1)));
                }
            }
        }
        tags.put("level", event.level());
        if (event.environment() != null) {
            tags.put("environment", event.environment());
        }
        if (event.release() != null) {
            tags.put("release", event.release());
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        tags.forEach((key, value) -> list.add(Json.createObjectBuilder().add("key", key).add("value", value)));
        return list.build();
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static JsonValue objectOr(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
