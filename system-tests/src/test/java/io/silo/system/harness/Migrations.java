package io.silo.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a silo's Flyway history creates, read from {@code database/<silo>/*.sql}, to compare with a live database. */
public final class Migrations {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");

    private Migrations() {
    }

    /** {@code schema.table} of every table the silo's migrations create, plus Flyway's own history table. */
    public static Set<String> tablesOf(String silo) {
        Set<String> tables = new TreeSet<>();
        tables.add(silo + ".flyway_schema_history");
        try (Stream<Path> files = Files.list(Launcher.ROOT.resolve("database").resolve(silo))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
                Matcher matcher = CREATE_TABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    tables.add(silo + "." + matcher.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
