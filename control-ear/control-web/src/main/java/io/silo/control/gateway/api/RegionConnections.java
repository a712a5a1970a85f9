package io.silo.control.gateway.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The gateway's idle keep-alive connections to the region servers, per region address, most recently used first.
 * A connection idle longer than {@code maxIdle} is closed rather than reused, ahead of the region's own
 * keep-alive timeout, and at most {@code maxIdlePerRegion} wait per region: a burst's extra connections close.
 * <p>
 * A kept-alive connection may have been closed by the region meanwhile, which shows only once a request was written
 * to it. Such a request is sent again on a new connection only when that cannot apply it twice: an idempotent method
 * (RFC 9110 §9.2.2) without a body. A POST, PATCH or any request with a body fails instead (the gateway answers
 * 503), since the region may have applied it before the connection broke.
 */
final class RegionConnections {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxIdleNanos;
    private final int maxIdlePerRegion;
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    private final Map<URI, Deque<RegionConnection>> idle = new ConcurrentHashMap<>();

    /** A request sent and the head of its answer, read from {@code connection}, where its body follows. */
    record Exchange(RegionConnection connection, RegionAnswerHead answer) {
    }

    RegionConnections(Duration connectTimeout, Duration readTimeout, Duration maxIdle, int maxIdlePerRegion) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxIdlePerRegion = maxIdlePerRegion;
    }

    /**
     * Writes the request ({@code head} and {@code length} bytes of {@code body}; -1: chunked, until the body ends) on a
     * kept-alive connection to {@code address}, or a new one, and reads the answer's head. On failure the connection
     * is closed and the exception thrown.
     */
    Exchange send(URI address, String method, byte[] head, InputStream body, long length) throws IOException {
        RegionConnection connection = take(address);
        try {
            try {
                return new Exchange(connection, exchange(connection, head, body, length));
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (!connection.reused() || length != 0 || !IDEMPOTENT.contains(method)) {
                    throw e;
                }
                connection.close();
                connection = open(address);
                return new Exchange(connection, exchange(connection, head, body, length));
            }
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Writes the request head and streams the body, then reads the answer's head. */
    private static RegionAnswerHead exchange(RegionConnection connection, byte[] head, InputStream body, long length)
            throws IOException {
        OutputStream out = connection.out();
        out.write(head);
        if (length > 0) {
            long copied = body.transferTo(out);
            if (copied != length) {
                throw new EOFException("The client sent " + copied + " of its " + length + " body bytes");
            }
        } else if (length < 0) {
            ChunkedOutputStream chunked = new ChunkedOutputStream(out);
            body.transferTo(chunked);
            chunked.finish();
        }
        out.flush();
        return RegionAnswerHead.read(connection.in());
    }

    /** An idle connection to {@code address} if one is fresh enough, else a new one. */
    private RegionConnection take(URI address) throws IOException {
        Deque<RegionConnection> waiting = idle.get(address);
        if (waiting != null) {
            long now = System.nanoTime();
            RegionConnection connection;
            while ((connection = waiting.pollFirst()) != null) {
                if (now - connection.idleSince() < maxIdleNanos) {
                    return connection;
                }
                connection.close();
            }
        }
        return open(address);
    }

    /** A new connection to {@code address}, for a request that must not meet a connection the region closed. */
    private RegionConnection open(URI address) throws IOException {
        boolean secure = "https".equalsIgnoreCase(address.getScheme());
        int port = address.getPort() >= 0 ? address.getPort() : secure ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            socket.connect(new InetSocketAddress(address.getHost(), port), Math.toIntExact(connectTimeout.toMillis()));
            if (secure) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, address.getHost(), port, true);
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                socket = tls;
            }
            return new RegionConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A connection whose exchange completed and that the region keeps open, for the next request. */
    void release(URI address, RegionConnection connection) {
        Deque<RegionConnection> waiting = idle.computeIfAbsent(address, key -> new ConcurrentLinkedDeque<>());
        if (waiting.size() >= maxIdlePerRegion) {
            connection.close();
            return;
        }
        long now = System.nanoTime();
        connection.markIdle(now);
        waiting.offerFirst(connection);
        RegionConnection oldest = waiting.peekLast();
        if (oldest != null && now - oldest.idleSince() >= maxIdleNanos && waiting.removeLastOccurrence(oldest)) {
            oldest.close();
        }
    }

    /** Closes every idle connection (the gateway is stopping). */
    void closeAll() {
        idle.values().forEach(waiting -> {
            RegionConnection connection;
            while ((connection = waiting.pollFirst()) != null) {
                connection.close();
            }
        });
    }
}
