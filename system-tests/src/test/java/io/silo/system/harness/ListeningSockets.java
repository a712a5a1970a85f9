package io.silo.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Listening TCP sockets of this machine, read from /proc/net (no traffic sent). */
public final class ListeningSockets {

    private static final String LISTEN = "0A";
    private static final String LOOPBACK_V4 = "0100007F";
    private static final String LOOPBACK_V4_MAPPED = "0000000000000000FFFF00000100007F";

    private ListeningSockets() {
    }

    /** Local addresses (hex, as in /proc/net/tcp*) that listen on the given port. */
    public static List<String> addressesListeningOn(int port) {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                List<String> lines = Files.readAllLines(Path.of(table));
                for (String line : lines.subList(1, lines.size())) {
                    String[] fields = line.trim().split("\\s+");
                    String[] local = fields[1].split(":");
                    if (fields[3].equals(LISTEN) && Integer.parseInt(local[1], 16) == port) {
                        addresses.add(local[0]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return addresses;
    }

    public static boolean isLoopback(String hexAddress) {
        return hexAddress.equals(LOOPBACK_V4) || hexAddress.equals(LOOPBACK_V4_MAPPED);
    }
}
