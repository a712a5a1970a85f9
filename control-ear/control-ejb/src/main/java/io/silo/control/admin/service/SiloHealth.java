package io.silo.control.admin.service;

import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.ControlSilo;
import io.silo.common.silo.SiloIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How every silo is doing: this control instance's own readiness checks, and each region's {@code /health/ready}
 * and version asked over HTTP, every region at once and each within {@link #TIMEOUT}, so one dead region never
 * slows the answer. Remembers since when each failure has been seen (per control instance, while it runs).
 */
@ApplicationScoped
@ControlSilo
public class SiloHealth {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    RegionDirectory regions;

    @Inject
    SiloIdentity identity;

    @Inject
    @Readiness
    Instance<HealthCheck> ownChecks;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final ConcurrentMap<String, Instant> failingSince = new ConcurrentHashMap<>();

    /** Control first, then every region of the directory. */
    public List<SiloStatus> all() {
        List<CompletableFuture<SiloStatus>> asked = regions.all().stream().map(this::probe).toList();
        List<SiloStatus> statuses = new ArrayList<>();
        statuses.add(control());
        asked.forEach(answer -> statuses.add(answer.join()));
        return statuses;
    }

    private SiloStatus control() {
        long started = System.nanoTime();
        List<SiloStatus.Check> checks = new ArrayList<>();
        for (HealthCheck check : ownChecks) {
            HealthCheckResponse response = check.call();
            checks.add(new SiloStatus.Check(response.getName(), response.getStatus().name(),
                    response.getData().map(data -> String.valueOf(data.getOrDefault("error", ""))).orElse("")));
        }
        return status("control", "control", identity.version(), checks, Optional.empty(), started);
    }

    private CompletableFuture<SiloStatus> probe(Region region) {
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> health = ask(region.address().resolve("/health/ready"));
        CompletableFuture<HttpResponse<String>> info = ask(region.address().resolve("/api/0/internal/silo"));
        return health.thenCombine(info.handle((answer, failure) -> failure == null ? answer : null), (ready, silo) -> {
            List<SiloStatus.Check> checks = checks(read(ready.body()));
            String version = silo == null || silo.statusCode() != 200 ? null : text(read(silo.body()), "version");
            Optional<String> unready = checks.isEmpty() ? Optional.of("answers " + ready.statusCode() + " to /health/ready")
                    : Optional.empty();
            return status(region.name(), "region", version, checks, unready, started);
        }).exceptionally(failure -> status(region.name(), "region", null, List.of(),
                Optional.of("unreachable (" + reason(failure) + ")"), started));
    }

    private CompletableFuture<HttpResponse<String>> ask(URI uri) {
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SiloStatus status(String name, String kind, String version, List<SiloStatus.Check> checks,
                              Optional<String> unreachable, long startedNanos) {
        Instant now = Instant.now();
        List<String> failing = new ArrayList<>();
        unreachable.ifPresent(failing::add);
        checks.stream().filter(check -> !check.status().equals("UP"))
                .forEach(check -> failing.add(check.name() + " down" + (check.detail().isEmpty() ? "" : ": " + check.detail())));
        // a failure is remembered by what failed, not by its changing detail
        List<String> keys = failing.stream().map(what -> name + "/" + what.split("[:( ]", 2)[0]).toList();
        failingSince.keySet().removeIf(key -> key.startsWith(name + "/") && !keys.contains(key));
        List<SiloStatus.Failure> failures = new ArrayList<>();
        for (int i = 0; i < failing.size(); i++) {
            failures.add(new SiloStatus.Failure(failing.get(i), failingSince.computeIfAbsent(keys.get(i), key -> now)));
        }
        return new SiloStatus(name, kind, failures.isEmpty() ? "UP" : "DOWN", version, checks, failures,
                Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(), now);
    }

    private static List<SiloStatus.Check> checks(JsonObject health) {
        List<SiloStatus.Check> checks = new ArrayList<>();
        JsonValue listed = health.get("checks");
        if (listed != null && listed.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue check : listed.asJsonArray()) {
                if (check.getValueType() == JsonValue.ValueType.OBJECT) {
                    JsonObject object = check.asJsonObject();
                    JsonValue data = object.get("data");
                    String detail = data != null && data.getValueType() == JsonValue.ValueType.OBJECT
                            ? text(data.asJsonObject(), "error") : null;
                    checks.add(new SiloStatus.Check(text(object, "name"), text(object, "status"),
                            detail == null ? "" : detail));
                }
            }
        }
        return checks;
    }

    private static JsonObject read(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException notJson) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString string ? string.getString() : value == null || value == JsonValue.NULL ? null
                : value.toString();
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String name = cause.getClass().getSimpleName().replace("Exception", "");
        return cause instanceof java.net.http.HttpTimeoutException ? "no answer within " + TIMEOUT.toSeconds() + " s"
                : cause instanceof java.net.ConnectException || cause instanceof java.nio.channels.ClosedChannelException
                ? "connection refused" : name;
    }
}
