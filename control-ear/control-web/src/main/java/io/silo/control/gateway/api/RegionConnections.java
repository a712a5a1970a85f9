package io.silo.control.gateway.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The gateway's idle keep-alive connections to the region servers, per region address, most recently used first.
 * A connection idle longer than {@code maxIdle} is closed rather than reused, ahead of the region's own
 * keep-alive timeout, and at most {@code maxIdlePerRegion} wait per region: a burst's extra connections close.
 */
final class RegionConnections {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxIdleNanos;
    private final int maxIdlePerRegion;
    private final Map<URI, Deque<RegionConnection>> idle = new ConcurrentHashMap<>();

    RegionConnections(Duration connectTimeout, Duration readTimeout, Duration maxIdle, int maxIdlePerRegion) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxIdlePerRegion = maxIdlePerRegion;
    }

    /** An idle connection to {@code address} if one is fresh enough, else a new one. */
    RegionConnection take(URI address) throws IOException {
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
    RegionConnection open(URI address) throws IOException {
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
