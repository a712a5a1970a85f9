package io.silo.region.ingest.service;

import io.silo.common.web.ApiException;
import io.silo.region.event.service.EventJson;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sentry envelope (develop.sentry.dev/sdk/envelopes): a header line of JSON, then items, each an item
 * header line of JSON and a payload of exactly {@code length} bytes when the header says so, else up to the next
 * newline. Parsing checks the whole envelope, so a malformed one is refused before anything of it is stored.
 */
public record Envelope(JsonObject header, List<Item> items) {

    /** One item: its type, its header and its payload bytes; {@code number} counts from 1, for error details. */
    public record Item(int number, String type, JsonObject header, byte[] payload) {

        public String describe() {
            return "item " + number + " (" + type + ")";
        }

        /** The payload as a JSON object, or 400 naming the item. */
        public JsonObject json() {
            return parseObject(payload, 0, payload.length, "Invalid JSON in " + describe());
        }
    }

    public static Envelope parse(byte[] body) {
        int headerEnd = lineEnd(body, 0);
        JsonObject header = parseObject(body, 0, headerEnd, "Malformed envelope header");
        List<Item> items = new ArrayList<>();
        int position = headerEnd + 1;
        while (position < body.length) {
            int end = lineEnd(body, position);
            if (end == position) {
                position++;
                continue;
            }
            int number = items.size() + 1;
            JsonObject itemHeader = parseObject(body, position, end, "Malformed header of item " + number);
            if (!(itemHeader.get("type") instanceof JsonString type) || type.getString().isEmpty()) {
                throw ApiException.badRequest("The header of item " + number + " has no type");
            }
            position = end + 1;
            byte[] payload;
            JsonValue length = itemHeader.get("length");
            if (length != null && length.getValueType() != JsonValue.ValueType.NULL) {
                int declared = declaredLength(length, number);
                int available = Math.max(0, body.length - position);
                if (declared > available) {
                    throw ApiException.badRequest("Item " + number + " (" + type.getString() + ") declares a length of "
                            + declared + " bytes but only " + available + " follow: the envelope is truncated");
                }
                payload = java.util.Arrays.copyOfRange(body, position, position + declared);
                position += declared;
                if (position < body.length && body[position] != '\n') {
                    throw ApiException.badRequest("Item " + number + " (" + type.getString() + ") declares a length of "
                            + declared + " bytes but its payload does not end there (no newline after it)");
                }
            } else {
                int payloadEnd = position >= body.length ? body.length : lineEnd(body, position);
                payload = java.util.Arrays.copyOfRange(body, Math.min(position, body.length), payloadEnd);
                position = payloadEnd;
            }
            position++;
            items.add(new Item(number, type.getString(), itemHeader, payload));
        }
        return new Envelope(header, List.copyOf(items));
    }

    /** The envelope header's event id, or null. */
    public String eventId() {
        return header.get("event_id") instanceof JsonString id ? id.getString() : null;
    }

    /** The envelope header's DSN, or null. */
    public String dsn() {
        return header.get("dsn") instanceof JsonString dsn ? dsn.getString() : null;
    }

    private static int declaredLength(JsonValue length, int number) {
        if (length instanceof JsonNumber value && value.isIntegral() && value.longValue() >= 0
                && value.longValue() <= Integer.MAX_VALUE) {
            return value.intValue();
        }
        throw ApiException.badRequest("The header of item " + number + " has an invalid length: " + length);
    }

    private static int lineEnd(byte[] body, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return body.length;
    }

    static JsonObject parseObject(byte[] bytes, int from, int to, String problem) {
        try (JsonReader reader = EventJson.PROVIDER.createReader(new ByteArrayInputStream(bytes, from, to - from))) {
            JsonValue value = reader.readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
            throw ApiException.badRequest(problem + ": expected a JSON object, got " + value.getValueType());
        } catch (JsonException e) {
            throw ApiException.badRequest(problem + ": " + e.getMessage());
        }
    }
}
