package io.silo.region.issue.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which issue an event belongs to: the SHA-256 hex of its grouping components. The SDK's {@code fingerprint}
 * wins when given ({@code {{ default }}} in it stands for the default components); by default an event with
 * exceptions groups by their types and the module and function of their in-app frames (of all frames when none
 * is in-app; by the exception's value when it has no frames), an event with only a message by the message with
 * numbers, hexadecimal ids and UUIDs taken out, so "order 17 failed" and "order 18 failed" are one issue.
 */
public final class Grouping {

    private static final Pattern UUID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX = Pattern.compile("(?i)\\b0x[0-9a-f]+\\b|\\b(?=[a-f]*[0-9])[0-9a-f]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private Grouping() {
    }

    /** An exception as grouping sees it: its type and value and its frames, outermost first. */
    public record GroupingException(String type, String value, List<GroupingFrame> frames) {
    }

    public record GroupingFrame(String module, String function, boolean inApp) {
    }

    /** The default components of an event: by its exceptions, else by its message, else one group of unlabeled events. */
    public static List<String> defaultComponents(List<GroupingException> exceptions, String message) {
        List<String> components = new ArrayList<>();
        if (!exceptions.isEmpty()) {
            boolean anyInApp = exceptions.stream().flatMap(e -> e.frames().stream()).anyMatch(GroupingFrame::inApp);
            for (GroupingException exception : exceptions) {
                components.add("type:" + nullToEmpty(exception.type()));
                List<GroupingFrame> frames = exception.frames().stream().filter(f -> f.inApp() || !anyInApp).toList();
                if (exception.frames().isEmpty()) {
                    components.add("value:" + stripVariableParts(nullToEmpty(exception.value())));
                }
                for (GroupingFrame frame : frames) {
                    components.add("frame:" + nullToEmpty(frame.module()) + ":" + nullToEmpty(frame.function()));
                }
            }
        } else if (message != null && !message.isBlank()) {
            components.add("message:" + stripVariableParts(message));
        } else {
            components.add("unlabeled");
        }
        return components;
    }

    /** The SDK's fingerprint with {@code {{ default }}} expanded; the defaults alone when there is none. */
    public static List<String> components(List<String> fingerprint, List<String> defaults) {
        if (fingerprint == null || fingerprint.isEmpty()) {
            return defaults;
        }
        List<String> components = new ArrayList<>();
        for (String part : fingerprint) {
            if (part.replace(" ", "").equals("{{default}}")) {
                components.addAll(defaults);
            } else {
                components.add("fingerprint:" + part);
            }
        }
        return components;
    }

    /** SHA-256 hex of the components, one per line. */
    public static String hash(List<String> components) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", components).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The message with UUIDs, hexadecimal ids and numbers replaced by placeholders. */
    public static String stripVariableParts(String message) {
        String stripped = UUID.matcher(message).replaceAll("<uuid>");
        stripped = HEX.matcher(stripped).replaceAll("<hex>");
        return NUMBER.matcher(stripped).replaceAll("<int>");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
