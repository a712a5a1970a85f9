package io.silo.region.event.service;

import io.silo.common.web.ApiException;
import io.silo.region.issue.service.Grouping;
import io.silo.region.issue.service.Grouping.GroupingException;
import io.silo.region.issue.service.Grouping.GroupingFrame;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns an SDK event (the JSON of a store request or of an envelope's {@code event} item, as the Sentry event
 * payload documentation describes it) into the columns it is stored with and a normalized body: the event id
 * as 32 hex digits (a new one when the SDK sent none), the timestamp as RFC 3339 (the SDKs send RFC 3339 or
 * epoch seconds), a known level (default {@code error}), tags as an object, and the rest as sent. Fields Sentry
 * would drop as invalid (an environment or release with a slash or a newline or too long, a timestamp that
 * does not parse, a tag that is not a string pair) are dropped; an event id that is not one is refused.
 */
public final class EventNormalizer {

    private static final int TOP_FRAMES = 5;
    private static final int MAX_TITLE = 1024;
    private static final int MAX_TAG = 200;
    private static final Set<String> LEVELS = Set.of("fatal", "error", "warning", "info", "debug");
    private static final Map<String, String> LEVEL_ALIASES = Map.of("warn", "warning", "critical", "fatal",
            "log", "info");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-fA-F]{32}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private EventNormalizer() {
    }

    /**
     * @param fallbackEventId the envelope header's event id, used when the event has none (may be null)
     * @param item            how to name the event in an error detail ("item 1 (event)", "the body")
     */
    public static NormalizedEvent normalize(JsonObject event, String fallbackEventId, OffsetDateTime receivedAt,
                                            String item) {
        UUID eventId = eventId(string(event, "event_id"), fallbackEventId, item);
        OffsetDateTime occurredAt = timestamp(event.get("timestamp"), receivedAt);
        String level = level(string(event, "level"));
        String platform = limited(string(event, "platform"), 64);
        String environment = name(string(event, "environment"), 64);
        String release = name(string(event, "release"), 200);
        String message = message(event);
        List<JsonObject> exceptions = exceptions(event);
        JsonObject tags = tags(event.get("tags"));
        String userKey = userKey(event.get("user"));

        JsonObject main = exceptions.isEmpty() ? null : exceptions.get(exceptions.size() - 1);
        String exceptionType = main == null ? null : string(main, "type");
        String exceptionValue = main == null ? null : string(main, "value");
        List<JsonObject> mainFrames = main == null ? List.of() : frames(main);
        JsonArray topFrames = topFrames(mainFrames);
        String culprit = culprit(mainFrames);

        List<GroupingException> grouping = exceptions.stream().map(e -> new GroupingException(string(e, "type"),
                string(e, "value"), frames(e).stream().map(f -> new GroupingFrame(
                        firstNonBlank(string(f, "module"), string(f, "filename")), string(f, "function"),
                        f.get("in_app") == JsonValue.TRUE)).toList())).toList();
        String fingerprintHash = Grouping.hash(Grouping.components(fingerprint(event.get("fingerprint")),
                Grouping.defaultComponents(grouping, message)));

        JsonObjectBuilder body = EventJson.PROVIDER.createObjectBuilder(event)
                .add("event_id", hex(eventId))
                .add("timestamp", occurredAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .add("received", receivedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .add("level", level)
                .add("tags", tags);
        putOrRemove(body, "platform", platform);
        putOrRemove(body, "environment", environment);
        putOrRemove(body, "release", release);
        return new NormalizedEvent(eventId, occurredAt, level, platform, environment, release,
                title(exceptionType, exceptionValue, message), message, exceptionType, exceptionValue, culprit,
                userKey, tags.toString(), topFrames.toString(), body.build().toString(), fingerprintHash);
    }

    static UUID eventId(String given, String fallback, String item) {
        String id = given != null ? given : fallback;
        if (id == null) {
            return UUID.randomUUID();
        }
        if (!EVENT_ID.matcher(id).matches()) {
            throw ApiException.badRequest("Invalid event_id in " + item + ": \"" + limited(id, 64)
                    + "\" is not 32 hexadecimal digits");
        }
        String digits = id.replace("-", "");
        return new UUID(HexFormat.fromHexDigitsToLong(digits, 0, 16), HexFormat.fromHexDigitsToLong(digits, 16, 32));
    }

    static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private static OffsetDateTime timestamp(JsonValue value, OffsetDateTime receivedAt) {
        if (value instanceof JsonNumber number) {
            BigDecimal seconds = number.bigDecimalValue();
            try {
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()).atOffset(ZoneOffset.UTC);
            } catch (ArithmeticException | java.time.DateTimeException e) {
                return receivedAt;
            }
        }
        if (value instanceof JsonString text) {
            try {
                return OffsetDateTime.parse(text.getString()).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text.getString()).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException invalid) {
                    return receivedAt;
                }
            }
        }
        return receivedAt;
    }

    private static String level(String given) {
        if (given == null) {
            return "error";
        }
        String level = given.toLowerCase(Locale.ROOT);
        level = LEVEL_ALIASES.getOrDefault(level, level);
        return LEVELS.contains(level) ? level : "error";
    }

    /** An environment or release name as Sentry accepts them: no slash, backslash or control character. */
    private static String name(String given, int maxLength) {
        if (given == null || given.isBlank() || given.length() > maxLength || given.equals(".") || given.equals("..")
                || given.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            return null;
        }
        return given;
    }

    /** logentry.formatted, logentry.message, or message (a string, or an object as logentry). */
    private static String message(JsonObject event) {
        for (String key : List.of("logentry", "sentry.interfaces.Message", "message")) {
            JsonValue value = event.get(key);
            if (value instanceof JsonString text && !text.getString().isEmpty()) {
                return text.getString();
            }
            if (value instanceof JsonObject entry) {
                String text = firstNonBlank(string(entry, "formatted"), string(entry, "message"));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** exception.values (or exception as an array, as old SDKs send it): outermost first, the main one last. */
    private static List<JsonObject> exceptions(JsonObject event) {
        JsonValue exception = event.get("exception");
        JsonValue values = exception instanceof JsonObject object ? object.get("values") : exception;
        if (!(values instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(e -> string(e, "type") != null || string(e, "value") != null).toList();
    }

    /** The frames of an exception's stack trace, outermost first as the SDKs send them. */
    private static List<JsonObject> frames(JsonObject exception) {
        if (exception.get("stacktrace") instanceof JsonObject stacktrace
                && stacktrace.get("frames") instanceof JsonArray frames) {
            return frames.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
        }
        return List.of();
    }

    private static JsonArray topFrames(List<JsonObject> frames) {
        JsonArrayBuilder top = EventJson.PROVIDER.createArrayBuilder();
        for (int i = frames.size() - 1; i >= Math.max(0, frames.size() - TOP_FRAMES); i--) {
            JsonObject frame = frames.get(i);
            JsonObjectBuilder copy = EventJson.PROVIDER.createObjectBuilder();
            for (String key : List.of("module", "function", "filename", "lineno", "in_app")) {
                if (frame.containsKey(key) && frame.get(key).getValueType() != JsonValue.ValueType.NULL) {
                    copy.add(key, frame.get(key));
                }
            }
            top.add(copy);
        }
        return top.build();
    }

    /** "module in function" of the innermost in-app frame (of the innermost frame when none is in-app). */
    private static String culprit(List<JsonObject> frames) {
        JsonObject top = null;
        for (JsonObject frame : frames) {
            if (frame.get("in_app") == JsonValue.TRUE) {
                top = frame;
            }
        }
        if (top == null && !frames.isEmpty()) {
            top = frames.get(frames.size() - 1);
        }
        if (top == null) {
            return "";
        }
        String where = firstNonBlank(string(top, "module"), string(top, "filename"));
        String function = string(top, "function");
        String culprit = where == null ? (function == null ? "" : function)
                : function == null ? where : where + " in " + function;
        return limited(culprit, MAX_TITLE);
    }

    private static String title(String type, String value, String message) {
        String title;
        if (type != null || value != null) {
            title = type == null ? value : value == null || value.isEmpty() ? type : type + ": " + value;
        } else if (message != null) {
            title = message;
        } else {
            title = "<unlabeled event>";
        }
        int newline = title.indexOf('\n');
        return limited(newline >= 0 ? title.substring(0, newline) : title, MAX_TITLE);
    }

    /** Tags as an object of strings, from an object or from [[key, value], …]. */
    private static JsonObject tags(JsonValue given) {
        JsonObjectBuilder tags = EventJson.PROVIDER.createObjectBuilder();
        if (given instanceof JsonObject object) {
            object.forEach((key, value) -> addTag(tags, key, value));
        } else if (given instanceof JsonArray pairs) {
            for (JsonValue pair : pairs) {
                if (pair instanceof JsonArray keyValue && keyValue.size() == 2
                        && keyValue.get(0) instanceof JsonString key) {
                    addTag(tags, key.getString(), keyValue.get(1));
                }
            }
        }
        return tags.build();
    }

    private static void addTag(JsonObjectBuilder tags, String key, JsonValue value) {
        String text = scalar(value);
        if (text != null && !key.isEmpty() && key.length() <= MAX_TAG) {
            tags.add(key, limited(text, MAX_TAG));
        }
    }

    /** The affected user: the first of id, email, username and IP address the SDK sent. */
    private static String userKey(JsonValue user) {
        if (!(user instanceof JsonObject object)) {
            return null;
        }
        for (String[] field : new String[][]{{"id", "id"}, {"email", "email"}, {"username", "username"},
                {"ip_address", "ip"}}) {
            String value = scalar(object.get(field[0]));
            if (value != null && !value.isBlank()) {
                return field[1] + ":" + limited(value, 256);
            }
        }
        return null;
    }

    private static List<String> fingerprint(JsonValue given) {
        if (!(given instanceof JsonArray parts)) {
            return null;
        }
        List<String> fingerprint = new ArrayList<>();
        for (JsonValue part : parts) {
            String text = scalar(part);
            if (text != null) {
                fingerprint.add(text);
            }
        }
        return fingerprint;
    }

    private static void putOrRemove(JsonObjectBuilder body, String key, String value) {
        if (value == null) {
            body.remove(key);
        } else {
            body.add(key, value);
        }
    }

    /** A string, number or boolean as text; null for anything else. */
    private static String scalar(JsonValue value) {
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value.toString();
        }
        return null;
    }

    private static String string(JsonObject object, String key) {
        return object.get(key) instanceof JsonString text ? text.getString() : null;
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second != null && !second.isBlank() ? second : null;
    }

    private static String limited(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
