package io.silo.system.harness;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sentry's own command-line client, {@code @sentry/cli} from the npm registry (pinned), installed once under
 * {@code system-tests/target/} and run against a topology exactly as a user runs it: {@code --url} names control,
 * the token comes from {@code SENTRY_AUTH_TOKEN}, and no configuration file of the machine is read.
 */
public final class SentryCli {

    public static final String VERSION = "3.8.0";
    private static final Path HOME = Path.of("target", "sentry-cli-" + VERSION).toAbsolutePath();
    private static final Path BINARY = HOME.resolve("node_modules/.bin/sentry-cli");

    private SentryCli() {
    }

    /** {@code sentry-cli --url <url> <arguments>} with the token, in a home of its own. */
    public static ProcessResult run(URI url, String token, String... arguments) {
        return runIn(HOME, url, token, arguments);
    }

    /**
     * As {@link #run}, in the directory {@code directory} (a git repository, for {@code set-commits --local});
     * without {@code url} (null), sentry-cli finds the install as a user's would: from an organization token.
     */
    public static ProcessResult runIn(Path directory, URI url, String token, String... arguments) {
        List<String> command = new ArrayList<>(List.of(binary().toString()));
        if (url != null) {
            command.addAll(List.of("--url", url.toString()));
        }
        command.addAll(List.of(arguments));
        return execute(directory, command, Map.of("SENTRY_AUTH_TOKEN", token));
    }

    /** {@code sentry-cli <arguments>} with only a DSN ({@code SENTRY_DSN}): how {@code send-event} is used. */
    public static ProcessResult runWithDsn(String dsn, String... arguments) {
        List<String> command = new ArrayList<>(List.of(binary().toString()));
        command.addAll(List.of(arguments));
        return execute(HOME, command, Map.of("SENTRY_DSN", dsn));
    }

    private static synchronized Path binary() {
        if (!Files.isExecutable(BINARY)) {
            ProcessResult installed = execute(HOME, List.of("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                    "--no-save", "@sentry/cli@" + VERSION), Map.of());
            if (installed.exitCode() != 0 || !Files.isExecutable(BINARY)) {
                throw new IllegalStateException("could not install @sentry/cli " + VERSION + " from the npm registry: "
                        + installed);
            }
        }
        return BINARY;
    }

    private static ProcessResult execute(Path directory, List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SENTRY_"));
        builder.environment().put("HOME", HOME.toString());
        builder.environment().put("SENTRY_DISABLE_UPDATE_CHECK", "true");
        builder.environment().putAll(environment);
        return Processes.run(builder, HOME, Duration.ofMinutes(3));
    }
}
