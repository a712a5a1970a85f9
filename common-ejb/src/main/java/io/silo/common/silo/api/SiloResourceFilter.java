package io.silo.common.silo.api;

import io.silo.common.silo.SiloLimit;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import io.silo.common.web.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** A REST resource of another silo does not exist here: 404, as problem+json, before it runs. */
@Provider
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
