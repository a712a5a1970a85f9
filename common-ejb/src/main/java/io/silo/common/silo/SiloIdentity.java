package io.silo.common.silo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which silo this server is, as configured: mode, region name (REGION and MONOLITH) and build version. */
@AllSilos
@ApplicationScoped
public class SiloIdentity {

    @Inject
    @ConfigProperty(name = "silo.mode", defaultValue = "MONOLITH")
    SiloMode mode;

    @Inject
    @ConfigProperty(name = "silo.region")
    Optional<String> region;

    @Inject
    @ConfigProperty(name = "silo.version")
    String version;

    public SiloMode mode() {
        return mode;
    }

    public Optional<String> region() {
        return region.filter(name -> !name.isBlank());
    }

    public String version() {
        return version;
    }

    /** The silo's name as logs and the cluster know it: {@code control}, {@code region-eu}, {@code monolith}. */
    public String siloName() {
        return switch (mode) {
            case CONTROL -> "control";
            case REGION -> "region-" + region().orElse("unknown");
            case MONOLITH -> "monolith";
        };
    }
}
