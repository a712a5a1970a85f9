package io.silo.region.testing.api;

import io.silo.common.silo.RegionSilo;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TESTING ONLY — requests this region server received that asked to be captured ({@code X-Silo-Capture: <id>}),
 * so an end-to-end test can see exactly what arrived through control's gateway. At most 200 are kept.
 */
@ApplicationScoped
@RegionSilo
public class CapturedRequests {

    static final String HEADER = "X-Silo-Capture";
    private static final int MAX_KEPT = 200;

    /** What arrived: method, path with query, and every header by lowercase name. */
    public record Captured(String method, String path, Map<String, List<String>> headers) {
    }

    private final Map<String, Captured> captured = new ConcurrentHashMap<>();

    void keep(String id, Captured request) {
        if (captured.size() >= MAX_KEPT) {
            captured.clear();
        }
        captured.put(id, request);
    }

    Optional<Captured> find(String id) {
        return Optional.ofNullable(captured.get(id));
    }
}
