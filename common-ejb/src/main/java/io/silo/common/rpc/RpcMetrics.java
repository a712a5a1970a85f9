package io.silo.common.rpc;

import io.silo.common.silo.AllSilos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * RPC as MicroProfile Metrics, per service and method and per side ({@code caller} or {@code callee}):
 * {@code silo_rpc_calls}, {@code silo_rpc_errors} by {@code kind} (bad_arguments, refused, no_such_method,
 * unavailable, disabled, internal, business) and the latency distribution {@code silo_rpc_duration}.
 */
@ApplicationScoped
@AllSilos
public class RpcMetrics {

    public static final String CALLER = "caller";
    public static final String CALLEE = "callee";
    public static final String BUSINESS = "business";

    // with its unit given, the Prometheus output converts the recorded nanoseconds to seconds
    private static final Metadata DURATION = Metadata.builder().withName("silo_rpc_duration")
            .withDescription("RPC call latency").withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** @param error the error kind, or null for a successful call */
    public void record(RpcMethod method, String side, String error, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        String key = method.qualifiedName() + "|" + side;
        counters.computeIfAbsent(key, k -> registry.counter("silo_rpc_calls", tags(method, side))).inc();
        timers.computeIfAbsent(key, k -> registry.timer(DURATION, tags(method, side))).update(took);
        if (error != null) {
            String kind = error.toLowerCase(Locale.ROOT);
            counters.computeIfAbsent(key + "|" + kind, k -> registry.counter("silo_rpc_errors",
                    append(tags(method, side), new Tag("kind", kind)))).inc();
        }
    }

    /** The error kind of a failure, as the metrics tag it. */
    public static String kindOf(Throwable failure) {
        if (failure instanceof RpcException rpc) {
            return rpc.kind().name();
        }
        return failure instanceof RpcBusinessException ? BUSINESS : RpcException.Kind.INTERNAL.name();
    }

    private static Tag[] tags(RpcMethod method, String side) {
        return new Tag[] {new Tag("service", method.service()), new Tag("method", method.name()), new Tag("side", side)};
    }

    private static Tag[] append(Tag[] tags, Tag tag) {
        Tag[] all = java.util.Arrays.copyOf(tags, tags.length + 1);
        all[tags.length] = tag;
        return all;
    }
}
