package io.silo.system.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, small third-party provider the test JVM runs on 127.0.0.1: an OAuth 2.0 authorization server whose token
 * endpoint ({@code POST /oauth/token}) grants refresh_token requests — each refresh token works once, it rotates
 * with every grant, and each grant is counted — and a GitHub-like API ({@code GET /api/repos/{owner}/{repo}}) that
 * answers 200 only to a bearer token the server issued and has not revoked, 401 otherwise. {@code /api/redirect/away}
 * redirects to another host, {@code /api/redirect/inside} to a repository under the API.
 */
public final class ThirdPartyProvider implements AutoCloseable {

    public static final String CLIENT_ID = "silo-test-client";
    public static final String CLIENT_SECRET = "silo-test-client-secret";

    private final HttpServer server;
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final Set<String> validAccessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> rejectedTokensSeen = ConcurrentHashMap.newKeySet();
    private static final long REFRESH_DELAY_MILLIS = 300;
    private static final long EXPIRES_IN_SECONDS = 3600;

    public ThirdPartyProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/oauth/token", this::token);
        server.createContext("/api/", this::api);
        server.start();
    }

    /** The API base URL control must be configured with ({@code silo.integrations.<provider>.api-url}). */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    public URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
    }

    /** Issues a token pair as the install flow would have received it. */
    public String[] issue(String accessToken, String refreshToken) {
        validAccessTokens.add(accessToken);
        validRefreshTokens.add(refreshToken);
        return new String[] {accessToken, refreshToken};
    }

    /** Revokes every access token issued so far: the next API call with one of them gets 401. */
    public void revokeAccessTokens() {
        validAccessTokens.clear();
    }

    public int refreshes() {
        return refreshes.get();
    }

    public int apiCalls() {
        return apiCalls.get();
    }

    /** Access tokens the API refused with 401. */
    public Set<String> rejectedTokens() {
        return Set.copyOf(rejectedTokensSeen);
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            answer(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"refresh_token".equals(form.get("grant_type")) || !validRefreshTokens.remove(String.valueOf(form.get("refresh_token")))) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Thread.sleep(REFRESH_DELAY_MILLIS); // a real token endpoint takes a while: the window in which others wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int number = refreshes.incrementAndGet();
        String access = "access-" + number + "-" + java.util.UUID.randomUUID();
        String refresh = "refresh-" + number + "-" + java.util.UUID.randomUUID();
        validAccessTokens.add(access);
        validRefreshTokens.add(refresh);
        answer(exchange, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + EXPIRES_IN_SECONDS + ",\"refresh_token\":\"" + refresh + "\"}");
    }

    private void api(HttpExchange exchange) throws IOException {
        apiCalls.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!validAccessTokens.contains(token)) {
            rejectedTokensSeen.add(token);
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            answer(exchange, 401, "{\"message\":\"Bad credentials\"}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/redirect/away")) {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/api/repos/x/y");
            answer(exchange, 302, "");
        } else if (path.equals("/api/redirect/inside")) {
            exchange.getResponseHeaders().add("Location", "/api/repos/silo/inside");
            answer(exchange, 302, "");
        } else if (path.startsWith("/api/repos/") && path.split("/").length == 5) {
            String[] parts = path.split("/");
            answer(exchange, 200, "{\"full_name\":\"" + parts[3] + "/" + parts[4] + "\",\"private\":false}");
        } else {
            answer(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
