package io.silo.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Commands the tests run, and the processes of this machine whose command line mentions a path (from /proc). */
public final class Processes {

    private Processes() {
    }

    public static List<String> commandLinesMentioning(Path path) {
        List<String> found = new ArrayList<>();
        String needle = path.toString();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(entry -> {
                        try {
                            String commandLine = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .replace('\0', ' ');
                            if (commandLine.contains(needle) && !commandLine.contains("surefire") && !commandLine.contains("failsafe")) {
                                found.add(entry.getFileName() + ": " + commandLine);
                            }
                        } catch (IOException vanished) {
                            // the process ended while we looked
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /**
     * Runs a command to its end, its output kept in files under {@code scratch} meanwhile (a pipe could fill and
     * block it), and kills it if it is still running after {@code timeout}.
     */
    public static ProcessResult run(ProcessBuilder command, Path scratch, Duration timeout) {
        try {
            Files.createDirectories(scratch);
            Path out = Files.createTempFile(scratch, "out", ".txt");
            Path err = Files.createTempFile(scratch, "err", ".txt");
            Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.command() + " did not finish in " + timeout);
            }
            ProcessResult result = new ProcessResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
