package io.silo.region.testing.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the request line and headers of every request
 * carrying {@code X-Silo-Capture: <id>}, before matching, so paths without a resource are captured too; read them
 * with {@code GET /api/0/internal/testing/captured-requests/{id}}. Does nothing otherwise. Only the test WARs
 * (module {@code testing}) carry it.
 */
@Provider
@PreMatching
public class RequestCaptureFilter implements ContainerRequestFilter {

    @Inject
    CapturedRequests captured;

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getHeaderString(CapturedRequests.HEADER);
        if (id == null || id.length() > 64) {
            return;
        }
        Map<String, List<String>> headers = new TreeMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        captured.keep(id, new CapturedRequests.Captured(request.getMethod(),
                "/" + request.getUriInfo().getPath() + (query == null ? "" : "?" + query), headers));
    }
}
