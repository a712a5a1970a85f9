package io.silo.system.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real {@code ./silo} launcher, exactly as a user would, and captures what it says. */
public final class Launcher {

    public static final Path ROOT = Path.of(System.getProperty("silo.root", "..")).toAbsolutePath().normalize();
    public static final Path TEST_DIR = Path.of(System.getProperty("silo.test.dir", "target")).toAbsolutePath().normalize();

    private Launcher() {
    }

    public static ProcessResult run(Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("silo").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SILO_"));
        builder.environment().put("SILO_JIT", "quick");   // tests start many servers and run each path a few times
        builder.environment().putAll(environment);
        System.out.println("[harness] " + String.join(" ", command));
        ProcessResult result = Processes.run(builder, TEST_DIR, Duration.ofMinutes(15));
        System.out.print(result.stdout().lines().map(line -> "[launcher] " + line + "\n").reduce("", String::concat));
        System.out.print(result.stderr().lines().map(line -> "[launcher] " + line + "\n").reduce("", String::concat));
        return result;
    }

    public static ProcessResult run(String... arguments) {
        return run(Map.of(), List.of(arguments));
    }
}
