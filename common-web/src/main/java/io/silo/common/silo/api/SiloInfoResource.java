package io.silo.common.silo.api;

import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tells operators and the launcher which silo answers on this port. */
@AllSilos
@Path("api/0/internal/silo")
@RequestScoped
public class SiloInfoResource {

    @Inject
    SiloIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public SiloInfo get() {
        return new SiloInfo(identity.mode(), identity.region().orElse(null), identity.siloName(), identity.version());
    }
}
