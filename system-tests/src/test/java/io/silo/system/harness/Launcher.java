package io.silo.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./silo} launcher, exactly as a user would, and captures what it says. */
public final class Launcher {

    public static final Path ROOT = Path.of(System.getProperty("silo.root", "..")).toAbsolutePath().normalize();
    public static final Path TEST_DIR = Path.of(System.getProperty("silo.test.dir", "target")).toAbsolutePath().normalize();

    private Launcher() {
    }

    public static LauncherResult run(Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("silo").toString());
        command.addAll(arguments);
        try {
            Path out = Files.createTempFile(TEST_DIR, "silo-out", ".txt");
            Path err = Files.createTempFile(TEST_DIR, "silo-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().keySet().removeIf(name -> name.startsWith("SILO_"));
            builder.environment().put("SILO_JIT", "quick");   // tests start many servers and run each path a few times
            builder.environment().putAll(environment);
            System.out.println("[harness] " + String.join(" ", command));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("launcher did not finish in 15 minutes: " + command);
            }
            LauncherResult result = new LauncherResult(process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            System.out.print(result.stdout().lines().map(line -> "[launcher] " + line + "\n").reduce("", String::concat));
            System.out.print(result.stderr().lines().map(line -> "[launcher] " + line + "\n").reduce("", String::concat));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static LauncherResult run(String... arguments) {
        return run(Map.of(), List.of(arguments));
    }
}
