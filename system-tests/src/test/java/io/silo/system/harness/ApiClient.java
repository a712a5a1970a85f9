package io.silo.system.harness;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A client of Silo's REST API as a browser or a script uses it: cookies kept between calls (one jar for
 * every server on 127.0.0.1, as a browser does for one host), the CSRF token echoed after login, or a
 * bearer token. Only ever talks to 127.0.0.1.
 */
public final class ApiClient {

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final String bearer;
    private final boolean sendCsrf;
    private final String address;
    private String csrfToken;

    private ApiClient(URI base, CookieManager cookies, String bearer, boolean sendCsrf, String csrfToken, String address) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("tests only talk to 127.0.0.1, not " + base);
        }
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
        this.bearer = bearer;
        this.sendCsrf = sendCsrf;
        this.csrfToken = csrfToken;
        this.address = address;
    }

    /** A documentation-range address (RFC 5737) of its own for each new client, sent as X-Forwarded-For. */
    private static String newAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static ApiClient anonymous(URI base) {
        return new ApiClient(base, new CookieManager(), null, true, null, newAddress());
    }

    /** A new client (no cookies) that comes from the given address. */
    public static ApiClient from(URI base, String address) {
        return new ApiClient(base, new CookieManager(), null, true, null, address);
    }

    /** A client that sends only {@code Authorization: Bearer token}, no cookies. */
    public static ApiClient withToken(URI base, String token) {
        return new ApiClient(base, new CookieManager(), token, true, null, newAddress());
    }

    /** The same browser (cookies, CSRF token) talking to another server, e.g. a second control instance. */
    public ApiClient on(URI otherBase) {
        return new ApiClient(otherBase, cookies, bearer, sendCsrf, csrfToken, address);
    }

    /** The same cookies, but the CSRF header left out, as a forged cross-site request would be. */
    public ApiClient withoutCsrf() {
        return new ApiClient(base, cookies, bearer, false, csrfToken, address);
    }

    /** The address this client's requests come from, as the servers see it. */
    public String address() {
        return address;
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Signs up and logs in; the CSRF token of the new session is kept for later calls. */
    public Reply signUpAndLogin(String email, String name, String password) {
        Reply signedUp = post("/api/0/auth/register/", Json.createObjectBuilder().add("email", email)
                .add("name", name).add("password", password).build().toString());
        if (signedUp.status() != 201) {
            throw new IllegalStateException("sign-up failed: " + signedUp);
        }
        return login(email, password);
    }

    public Reply login(String email, String password) {
        Reply reply = post("/api/0/auth/login/", Json.createObjectBuilder().add("email", email)
                .add("password", password).build().toString());
        if (reply.status() == 200) {
            csrfToken = reply.json().getString("csrfToken");
        }
        return reply;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply send(String method, String path, String json) {
        return send(method, path, json, java.util.Map.of());
    }

    /** A request with extra headers (a webhook's signature headers). */
    public Reply send(String method, String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.header("X-Forwarded-For", address);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (sendCsrf && csrfToken != null && !method.equals("GET")) {
            request.header("X-CSRF-Token", csrfToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, body and headers, with the body read as JSON on demand. */
    public record Reply(int status, String body, HttpHeaders headers) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** A refusal in the API's error format. */
        public boolean isProblem() {
            return status >= 400 && contentType().startsWith("application/problem+json") && json().containsKey("detail");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
