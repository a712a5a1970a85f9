package io.silo.common.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: timestamp, level, silo, region, logger, thread, message and, when
 * present, the exception. Every line names its silo and region so merged logs stay attributable.
 */
public class JsonLogFormatter extends Formatter {

    private final String silo;
    private final String region;

    public JsonLogFormatter(String silo, String region) {
        this.silo = silo;
        this.region = region;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.append(',');
        field(line, "level", record.getLevel().getName());
        line.append(',');
        field(line, "silo", silo);
        line.append(',');
        field(line, "region", region);
        line.append(',');
        field(line, "logger", record.getLoggerName());
        line.append(',');
        field(line, "thread", Thread.currentThread().getName());
        line.append(',');
        field(line, "message", formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(',');
            field(line, "exception", trace.toString());
        }
        return line.append("}\n").toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":");
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
