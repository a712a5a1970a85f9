package io.silo.system.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Processes of this machine whose command line mentions a path, read from /proc. */
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
}
