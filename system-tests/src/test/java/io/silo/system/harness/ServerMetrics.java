package io.silo.system.harness;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** Reads a server's MicroProfile Metrics in Prometheus text form. */
public final class ServerMetrics {

    private ServerMetrics() {
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}; 0 when there is none. */
    public static double value(URI server, String name, Map<String, String> labels) {
        HttpResponse<String> metrics = Http.get(server, "/metrics");
        if (metrics.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + metrics.statusCode());
        }
        double sum = 0;
        for (String line : metrics.body().split("\n")) {
            if (!line.startsWith(name + "{")) {
                continue;
            }
            String labelText = line.substring(name.length() + 1, line.lastIndexOf('}'));
            boolean matches = labels.entrySet().stream()
                    .allMatch(label -> labelText.contains(label.getKey() + "=\"" + label.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
