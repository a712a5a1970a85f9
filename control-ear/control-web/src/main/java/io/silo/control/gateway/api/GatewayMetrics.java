package io.silo.control.gateway.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The gateway as MicroProfile Metrics: {@code silo_gateway_requests} per {@code region} and {@code status}
 * class ({@code 2xx} … {@code 5xx}, the gateway's own 503s included) and the latency distribution
 * {@code silo_gateway_duration} per {@code region}, from the request's arrival until the last byte of the answer.
 */
final class GatewayMetrics {

    // with its unit given, the Prometheus output converts the recorded nanoseconds to seconds
    private static final Metadata DURATION = Metadata.builder().withName("silo_gateway_duration")
            .withDescription("Latency of requests proxied to a region").withUnit(MetricUnits.NANOSECONDS).build();

    private final MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    GatewayMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    void record(String region, int status, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        String statusClass = (status / 100) + "xx";
        counters.computeIfAbsent(region + "|" + statusClass, key -> registry.counter("silo_gateway_requests",
                new Tag("region", region), new Tag("status", statusClass))).inc();
        timers.computeIfAbsent(region, key -> registry.timer(DURATION, new Tag("region", region))).update(took);
    }
}
