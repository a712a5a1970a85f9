package io.silo.region.issue.service;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Sentry's {@code metadata} of an issue: the exception type and value of its latest event and where it was raised
 * (the file and function of the innermost in-app frame, else of the innermost frame); all null for a message.
 */
public record IssueMetadata(String type, String value, String filename, String function) {

    /** From {@code {"type", "value", "frames"}} as {@link IssueReads} selects it (null: no event). */
    static IssueMetadata fromJson(String json) {
        if (json == null) {
            return new IssueMetadata(null, null, null, null);
        }
        JsonObject latest = Json.createReader(new StringReader(json)).readObject();
        JsonObject frame = null;
        if (latest.get("frames") instanceof JsonArray frames) {
            for (JsonValue value : frames) {
                if (value instanceof JsonObject candidate && (frame == null || (candidate.get("in_app") == JsonValue.TRUE
                        && frame.get("in_app") != JsonValue.TRUE))) {
                    frame = candidate;
                }
            }
        }
        return new IssueMetadata(text(latest, "type"), text(latest, "value"), frame == null ? null : text(frame, "filename"),
                frame == null ? null : text(frame, "function"));
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) instanceof JsonString text ? text.getString() : null;
    }
}
