package io.silo.region.directory.api;

import io.silo.common.region.Region;
import io.silo.common.region.RegionDirectory;
import io.silo.common.silo.RegionSilo;
import io.silo.common.silo.SiloIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

/**
 * {@code /health/started} of a region server: started once the region it serves is in the region
 * directory, and names it (the id embedded in its snowflake ids, its public API host), so a
 * startup probe or an operator sees which region answers.
 *
 * <p>It lives in the web module on purpose: Payara Server turns on MicroProfile Health for a WAR
 * of an EAR only when the WAR itself holds a health check or a JAX-RS resource, and without that
 * the silo's readiness checks in common-ejb are never registered.
 */
@RegionSilo
@Startup
@ApplicationScoped
public class RegionStartupCheck implements HealthCheck {

    @Inject
    RegionDirectory directory;

    @Inject
    SiloIdentity identity;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("region");
        Optional<String> name = identity.region();
        Optional<Region> region = name.flatMap(directory::find);
        if (region.isEmpty()) {
            return response.down().withData("error", name.map(own -> "region '" + own + "' is not in silo.regions")
                    .orElse("silo.region is not set")).build();
        }
        return response.up()
                .withData("name", region.get().name())
                .withData("id", region.get().id())
                .withData("api-host", region.get().apiHost())
                .build();
    }
}
