package io.silo.common.region;

import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the region directory once at start-up and refuses to start the server when it is
 * inconsistent or does not contain the server's own region.
 */
@Singleton
@Startup
@DependsOn("JsonLogInstaller")
@AllSilos
public class RegionDirectoryProducer {

    /** The launcher looks for this in the log to report why a server did not start. */
    public static final String REFUSAL_MARKER = "Silo refused to start: ";

    private static final Logger LOG = Logger.getLogger(RegionDirectoryProducer.class.getName());

    private RegionDirectory directory;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        try {
            directory = RegionDirectory.fromConfig(key -> config.getOptionalValue(key, String.class));
            if (Silos.currentMode() != SiloMode.CONTROL) {
                String own = config.getOptionalValue("silo.region", String.class)
                        .orElseThrow(() -> new InvalidRegionDirectoryException(
                                "Invalid region directory: silo.region is not set on a " + Silos.currentMode() + " server"));
                directory.require(own);
            }
        } catch (InvalidRegionDirectoryException e) {
            LOG.log(Level.SEVERE, REFUSAL_MARKER + e.getMessage());
            throw e;
        }
    }

    /** Produced once: a dependent product would cost an EJB call at every injection, e.g. per request. */
    @Produces
    @jakarta.inject.Singleton
    public RegionDirectory directory() {
        return directory;
    }
}
