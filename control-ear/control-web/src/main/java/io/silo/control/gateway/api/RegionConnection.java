package io.silo.control.gateway.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One keep-alive HTTP/1.1 connection from the gateway to a region server, used by one request at a time on that
 * request's own thread: the request is written and the answer read with blocking socket calls, so a proxied
 * request costs no hand-off to another thread and back.
 */
final class RegionConnection implements Closeable {

    private static final int BUFFER = 16 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean reused;
    private long idleSince;

    RegionConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), BUFFER);
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
    }

    /** Whether it served an earlier request: the region may have closed it meanwhile. */
    boolean reused() {
        return reused;
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    /** Back in the idle pool after a complete exchange, from {@code nanos} on. */
    void markIdle(long nanos) {
        idleSince = nanos;
        reused = true;
    }

    long idleSince() {
        return idleSince;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing is left to release
        }
    }
}
