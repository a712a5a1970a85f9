package io.silo.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What a silo's Flyway history creates, read from {@code database/<silo>/*.sql}, to compare with a live database. */
public final class Migrations {

    /** A table created, or renamed ({@code ALTER TABLE a RENAME TO b}), in a migration's statements. */
    private static final Pattern TABLE_CHANGE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)"
            + "|ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)\\s+RENAME\\s+TO\\s+(\\w+)");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    private Migrations() {
    }

    /**
     * {@code schema.table} of every table the silo's migrations leave, in their version order (a renamed table by its
     * new name), plus Flyway's own history table.
     */
    public static Set<String> tablesOf(String silo) {
        Set<String> tables = new TreeSet<>();
        tables.add(silo + ".flyway_schema_history");
        try (Stream<Path> files = Files.list(Launcher.ROOT.resolve("database").resolve(silo))) {
            List<Path> migrations = files.filter(path -> VERSION.matcher(path.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(Migrations::version)).toList();
            for (Path file : migrations) {
                Matcher matcher = TABLE_CHANGE.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (matcher.group(1) != null) {
                        tables.add(silo + "." + matcher.group(1).toLowerCase());
                    } else {
                        tables.remove(silo + "." + matcher.group(2).toLowerCase());
                        tables.add(silo + "." + matcher.group(3).toLowerCase());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static int version(Path migration) {
        Matcher matcher = VERSION.matcher(migration.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
