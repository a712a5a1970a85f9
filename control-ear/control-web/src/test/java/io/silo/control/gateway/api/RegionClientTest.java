package io.silo.control.gateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's client against a real HTTP server on loopback that answers the first request of each
 * connection and drops the connection on the second without answering — as a region does that applied a request and
 * then lost the connection, or closed a kept-alive connection while the request was on its way.
 */
class RegionClientTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private URI address;
    private RegionClient client;

    @BeforeEach
    void startRegion() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        address = URI.create("http://127.0.0.1:" + server.getLocalPort());
        client = new RegionClient(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), 8);
        Thread acceptor = new Thread(this::serve, "region");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopRegion() throws IOException {
        client.close();
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = connection.getOutputStream();
                for (int request = 1; ; request++) {
                    String requestLine = in.readLine();
                    if (requestLine == null) {
                        break;
                    }
                    while (!in.readLine().isEmpty()) {
                        // headers: the requests here have no body
                    }
                    received.add(requestLine.substring(0, requestLine.lastIndexOf(' ')));
                    if (request > 1) {
                        break;
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                // the server socket closed: the test is over
            }
        }
    }

    private int send(String method, String path) throws IOException {
        try (ClassicHttpResponse answer = client.send(address, method, path, List.of(), new ByteArrayInputStream(new byte[0]), 0)) {
            assertEquals("ok", EntityUtils.toString(answer.getEntity()));
            return answer.getCode();
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }

    @Test
    void bodilessPostOnAConnectionTheRegionDroppedIsNotSentAgain() throws IOException {
        assertEquals(200, send("GET", "/warm"));
        assertThrows(IOException.class, () -> send("POST", "/api/0/organizations/acme/replay/"));
        assertEquals(List.of("GET /warm", "POST /api/0/organizations/acme/replay/"), received,
                "the POST reached the region exactly once");
    }

    @Test
    void bodilessPatchIsNotSentAgainEither() throws IOException {
        assertEquals(200, send("GET", "/warm"));
        assertThrows(IOException.class, () -> send("PATCH", "/api/0/organizations/acme/"));
        assertEquals(List.of("GET /warm", "PATCH /api/0/organizations/acme/"), received);
    }

    @Test
    void idempotentRequestOnADroppedConnectionIsSentAgainOnANewOne() throws IOException {
        assertEquals(200, send("GET", "/warm"));
        assertEquals(200, send("GET", "/api/0/organizations/acme/"));
        assertEquals(List.of("GET /warm", "GET /api/0/organizations/acme/", "GET /api/0/organizations/acme/"), received);
        assertEquals(200, send("DELETE", "/api/0/organizations/acme/issues/1/"));
        assertEquals(List.of("GET /warm", "GET /api/0/organizations/acme/", "GET /api/0/organizations/acme/",
                "DELETE /api/0/organizations/acme/issues/1/", "DELETE /api/0/organizations/acme/issues/1/"), received);
    }
}
