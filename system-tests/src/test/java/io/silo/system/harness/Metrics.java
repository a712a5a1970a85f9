package io.silo.system.harness;

import java.net.URI;
import java.util.List;

/** A server's {@code /metrics} (Prometheus text) read the way a monitoring system would. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of every sample of {@code name} (e.g. {@code silo_outbox_sent_total}) whose labels contain all
     * the given fragments (e.g. {@code destination="us"}); 0 when there is none.
     */
    public static double sum(URI server, String name, String... labelFragments) {
        String body = Http.get(server, "/metrics").body();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> List.of(labelFragments).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
