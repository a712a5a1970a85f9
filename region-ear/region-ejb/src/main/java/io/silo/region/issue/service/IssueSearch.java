package io.silo.region.issue.service;

import io.silo.common.web.ApiException;
import io.silo.region.issue.model.IssueStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sentry's structured issue search ({@code query}) as the conditions an issue must all meet: {@code is:} a
 * status, {@code level:}, {@code environment:} and {@code release:} of its events, {@code firstRelease:}, any other {@code key:value}
 * a tag of its events, and free text (words and {@code "quoted phrases"}, joined by one space as Sentry does)
 * found in its title, culprit or an event's message, and {@code issue:WEB-12} the issue of that short id. A value may be quoted ({@code release:"1.0 beta"}) or a
 * list ({@code level:[error,fatal]}). Absent query: {@code is:unresolved}, Sentry's implied default; an empty
 * query: every issue.
 */
public record IssueSearch(List<Condition> conditions) {

    public static final String DEFAULT_QUERY = "is:unresolved";
    private static final Set<String> STATUSES = Arrays.stream(IssueStatus.values()).map(IssueStatus::value)
            .collect(Collectors.toUnmodifiableSet());
    public static final Set<String> LEVELS = Set.of("fatal", "error", "warning", "info", "debug");

    private static final int LONGEST_QUERY = 1000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]{0,63}");

    /** One thing an issue must satisfy. */
    public sealed interface Condition {
    }

    /** Its status is one of these. */
    public record StatusIn(Set<String> statuses) implements Condition {
    }

    /** Its level is one of these. */
    public record LevelIn(Set<String> levels) implements Condition {
    }

    /** One of its events has this tag ({@code environment}, {@code release} or another) with one of these values. */
    public record TagIn(String key, Set<String> values) implements Condition {
    }

    /** Its first release (of the first event that named one) is one of these: {@code firstRelease:1.2}. */
    public record FirstReleaseIn(Set<String> versions) implements Condition {
    }

    /** It is the issue of this short id. */
    public record ShortIdIs(ShortId shortId) implements Condition {
    }

    /** Its title, its culprit or one of its events' messages contains this text, ignoring case. */
    public record TextContains(String text) implements Condition {
    }

    public IssueSearch {
        conditions = List.copyOf(conditions);
    }

    /** The {@code query} parameter; absent: {@link #DEFAULT_QUERY}. */
    public static IssueSearch parse(String query) {
        String text = query == null ? DEFAULT_QUERY : query;
        if (text.length() > LONGEST_QUERY) {
            throw invalid("is longer than " + LONGEST_QUERY + " characters");
        }
        return new Parser(text).parse();
    }

    private static ApiException invalid(String message) {
        return ApiException.invalidField("query", message);
    }

    private static final class Parser {
        private final String text;
        private int at;
        private final List<Condition> conditions = new ArrayList<>();
        private final List<String> words = new ArrayList<>();

        Parser(String text) {
            this.text = text;
        }

        IssueSearch parse() {
            while (skipSpace()) {
                if (text.charAt(at) == '"') {
                    words.add(quoted());
                } else {
                    term();
                }
            }
            if (!words.isEmpty()) {
                conditions.add(new TextContains(String.join(" ", words)));
            }
            return new IssueSearch(conditions);
        }

        private boolean skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at < text.length();
        }

        /** A {@code key:value} filter, or a free word. */
        private void term() {
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != ':'
                    && text.charAt(at) != '"') {
                at++;
            }
            String key = text.substring(start, at);
            if (at < text.length() && text.charAt(at) == ':' && !key.isEmpty()) {
                at++;
                filter(key, value(key));
                return;
            }
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            words.add(text.substring(start, at));
        }

        private Set<String> value(String key) {
            if (at < text.length() && text.charAt(at) == '"') {
                return Set.of(quoted());
            }
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            String value = text.substring(start, at);
            if (value.isEmpty()) {
                throw invalid(key + ": needs a value");
            }
            if (value.startsWith("[") && value.endsWith("]") && value.length() > 2) {
                Set<String> values = new LinkedHashSet<>();
                for (String item : value.substring(1, value.length() - 1).split(",", -1)) {
                    if (item.isBlank()) {
                        throw invalid(key + ": has an empty value in its list");
                    }
                    values.add(item.strip());
                }
                return values;
            }
            return Set.of(value);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length() && text.charAt(at) != '"') {
                if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                    at++;
                }
                value.append(text.charAt(at++));
            }
            if (at >= text.length()) {
                throw invalid("has a quote that is not closed");
            }
            at++;
            return value.toString();
        }

        private void filter(String key, Set<String> values) {
            if (key.startsWith("!")) {
                throw invalid("negated filters (" + key + ":…) are not supported");
            }
            if (!KEY.matcher(key).matches()) {
                throw invalid("'" + key + "' is not a search key");
            }
            switch (key) {
                case "is" -> conditions.add(new StatusIn(known(key, values, STATUSES)));
                case "level" -> conditions.add(new LevelIn(known(key, values, LEVELS)));
                case "issue" -> conditions.add(new ShortIdIs(shortId(values)));
                case "firstRelease" -> conditions.add(new FirstReleaseIn(values));
                default -> conditions.add(new TagIn(key, values));
            }
        }

        private static ShortId shortId(Set<String> values) {
            if (values.size() != 1) {
                throw invalid("issue: takes one short id, like issue:WEB-12");
            }
            String value = values.iterator().next();
            return ShortId.parse(value).orElseThrow(() -> invalid("issue:" + value
                    + " is not a short id: the project's slug, a dash and the issue's number, like WEB-12"));
        }

        private static Set<String> known(String key, Set<String> values, Set<String> allowed) {
            for (String value : values) {
                if (!allowed.contains(value)) {
                    throw invalid(key + ":" + value + " is not supported; " + key + ": takes "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
            return Set.copyOf(values);
        }
    }
}
