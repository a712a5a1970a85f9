package io.silo.common.logging;

import io.silo.common.silo.AllSilos;
import io.silo.common.silo.SiloIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends every log record of the server (the application's and Payara's) to {@code silo.log.file}
 * as JSON lines, for as long as the application is deployed; the connection pool's repeated failures at most once a
 * minute each ({@link PoolFailureThrottle}).
 */
@AllSilos
@Singleton
@Startup
public class JsonLogInstaller {

    @Inject
    @ConfigProperty(name = "silo.log.file")
    Optional<String> logFile;

    @Inject
    SiloIdentity identity;

    private FileHandler handler;

    @PostConstruct
    void install() {
        if (logFile.isEmpty()) {
            return;
        }
        try {
            Path file = Path.of(logFile.get());
            if (Files.isDirectory(file)) {
                // refused before FileHandler tries: it would leave its lock file behind, and a second attempt (an
                // EJB timer may create this singleton before the start-up does) would log to "<file>.1" instead
                throw new FileNotFoundException(file + " (Is a directory)");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            handler = new FileHandler(file.toString(), 0, 1, true);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new JsonLogFormatter(identity.siloName(), identity.region().orElse(null)));
            handler.setFilter(new PoolFailureThrottle(Clock.systemUTC()));
            Logger.getLogger("").addHandler(handler);
            Logger.getLogger(JsonLogInstaller.class.getName()).info(() -> "JSON log started for " + identity.siloName());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the JSON log file " + logFile.get(), e);
        }
    }

    @PreDestroy
    void uninstall() {
        if (handler != null) {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
    }
}
