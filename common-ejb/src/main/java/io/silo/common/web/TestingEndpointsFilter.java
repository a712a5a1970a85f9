package io.silo.common.web;

import io.silo.common.silo.Silos;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Endpoints under {@code /api/0/internal/testing/} exist for the end-to-end tests and benchmarks only: they
 * answer 404, exactly as an unknown path, unless {@code silo.testing.enabled=true} (the test harness and
 * {@code ./bench/run} set it). Never enable it in production: internal paths are not authenticated.
 */
@Provider
@PreMatching
public class TestingEndpointsFilter implements ContainerRequestFilter {

    public static final String PREFIX = "api/0/internal/testing/";

    @Inject
    @ConfigProperty(name = "silo.testing.enabled", defaultValue = "false")
    boolean enabled;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!enabled && relative.startsWith(PREFIX)) {
            request.abortWith(Problem.of(jakarta.ws.rs.core.Response.Status.NOT_FOUND,
                    Problem.noSuchEndpoint(Silos.currentMode(), request.getMethod(), relative)).toResponse());
        }
    }
}
