package io.silo.common.silo.api;

import io.silo.common.silo.SiloLimit;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import io.silo.common.web.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * A REST resource of another silo does not exist here: 404, as problem+json, before it runs and before
 * authentication, so that nobody learns more about it with credentials than without.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class SiloResourceFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        SiloMode current = Silos.currentMode();
        if (type != null && !SiloLimit.isAvailable(type, current)) {
            request.abortWith(Problem.of(Response.Status.NOT_FOUND,
                    Problem.noSuchEndpoint(current, request.getMethod(), request.getUriInfo().getPath())).toResponse());
        }
    }
}
