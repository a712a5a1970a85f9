package io.silo.region.testing.api;

import io.silo.common.silo.RegionSilo;
import io.silo.region.retention.service.EventRetention;
import io.silo.region.retention.service.RetentionReport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * TESTING ONLY — {@code POST /api/0/internal/testing/retention/run} runs the retention job now, the same pass
 * its timer runs every ten minutes, and answers what it deleted. Only in the test WARs
 * (module {@code testing}).
 */
@Path("api/0/internal/testing/retention/run")
@RequestScoped
@RegionSilo
public class RetentionTestingResource {

    @EJB
    EventRetention retention;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public RetentionReport run() {
        return retention.run();
    }
}
