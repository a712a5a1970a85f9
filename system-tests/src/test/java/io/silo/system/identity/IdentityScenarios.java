package io.silo.system.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.auth.SecretDigest;
import io.silo.system.harness.Accounts;
import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Identity and access on a real control silo: accounts, sessions, tokens, scopes, CSRF, throttling, the
 * audit log and the error format. Each topology runs the same scenarios (see the subclasses); the last one
 * searches the database dumps and every log for the secrets the others used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class IdentityScenarios {

    private static final Pattern NEXT_LINK = Pattern.compile(
            "<([^>]+)>; rel=\"next\"; results=\"(true|false)\"; cursor=\"([^\"]+)\"");

    /** Passwords, tokens, session ids and CSRF tokens the scenarios used: none may appear in clear anywhere. */
    private static final ConcurrentLinkedQueue<String> SECRETS = new ConcurrentLinkedQueue<>();

    private URI control(Topology topology) {
        return topology.controlInstances().get(0);
    }

    private static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String password() {
        String password = "pw-" + UUID.randomUUID();
        SECRETS.add(password);
        return password;
    }

    private static ApiClient loggedIn(URI base, String email, String password) {
        ApiClient client = ApiClient.anonymous(base);
        Reply login = client.signUpAndLogin(email, "Person " + email, password);
        assertEquals(200, login.status(), login.toString());
        client.cookie("silo_session").ifPresent(SECRETS::add);
        SECRETS.add(login.json().getString("csrfToken"));
        return client;
    }

    private static String createToken(ApiClient session, String... scopes) {
        return createToken(session, null, scopes);
    }

    private static String createToken(ApiClient session, OffsetDateTime expiresAt, String... scopes) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String scope : scopes) {
            list.add(scope);
        }
        var body = Json.createObjectBuilder().add("name", "test token").add("scopes", list);
        if (expiresAt != null) {
            body.add("expiresAt", expiresAt.toString());
        }
        Reply created = session.post("/api/0/api-tokens/", body.build().toString());
        assertEquals(201, created.status(), created.toString());
        String token = created.json().getString("token");
        SECRETS.add(token);
        return token;
    }

    /** Asks until the answer is the expected one (other instances hear of changes through the broker). */
    private static <T> T within(Duration patience, T expected, java.util.function.Supplier<T> ask) {
        long deadline = System.nanoTime() + patience.toNanos();
        T answer;
        do {
            answer = ask.get();
        } while (!answer.equals(expected) && System.nanoTime() < deadline && pause());
        return answer;
    }

    private static boolean pause() {
        try {
            Thread.sleep(50);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A token minted before Silo took Sentry's token formats, as it stands in control's table, keeps working. */
    @Test
    void aTokenOfTheEarlierFormatStillAuthenticates(Topology topology) throws Exception {
        Accounts.Account account = Accounts.signUp(control(topology), "legacy");
        String legacy = "silo_u_" + UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjK";
        try (Connection connection = topology.connectAs(topology.controlServer());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO control.api_tokens (id, kind, token_hash,"
                     + " token_hint, name, user_id, scopes, created_at) VALUES (?, 'USER', ?, 'silo_u_…HIjK', 'minted"
                     + " before sntryu_', ?, 'member:read', now())")) {
            insert.setLong(1, account.userId() + 1_000_000);
            insert.setString(2, SecretDigest.sha256Hex(legacy));
            insert.setLong(3, account.userId());
            assertEquals(1, insert.executeUpdate());
        }
        Reply me = ApiClient.withToken(control(topology), legacy).get("/api/0/users/me/");
        assertEquals(200, me.status(), me.toString());
        assertEquals(account.email(), me.json().getString("email"));
    }

    @Test
    @Order(1)
    void signUpLoginCreateTokenAndReadOwnAccountWithIt(Topology topology) {
        String email = uniqueEmail("Ann");
        ApiClient session = loggedIn(control(topology), email, password());
        String token = createToken(session, "member:read");
        assertTrue(token.matches("sntryu_[0-9a-f]{64}"), "Sentry's user token format: " + token);

        Reply me = ApiClient.withToken(control(topology), token).get("/api/0/users/me/");
        assertEquals(200, me.status(), me.toString());
        assertEquals(email.toLowerCase(), me.json().getString("email"), "emails are kept lower-cased");

        Reply listed = session.get("/api/0/api-tokens/");
        assertEquals(200, listed.status(), listed.toString());
        JsonObject shown = listed.jsonArray().getJsonObject(0);
        assertFalse(shown.containsKey("token"), "a token is shown once, at creation: " + shown);
        assertTrue(shown.getString("tokenHint").endsWith(token.substring(token.length() - 4)));
        assertEquals(List.of("member:read"), shown.getJsonArray("scopes").getValuesAs(v -> ((jakarta.json.JsonString) v).getString()));
    }

    @Test
    @Order(2)
    void logoutEndsTheSessionOnEveryControlInstance(Topology topology) {
        List<URI> instances = topology.controlInstances();
        ApiClient first = loggedIn(instances.get(0), uniqueEmail("bob"), password());
        ApiClient last = first.on(instances.get(instances.size() - 1));
        assertEquals(200, last.get("/api/0/users/me/").status(), "a session opened on one instance works on the others");

        assertEquals(204, last.delete("/api/0/auth/").status());

        for (URI instance : instances) {
            Reply after = first.on(instance).get("/api/0/users/me/");
            assertEquals(401, after.status(), instance + " still accepts the session: " + after);
            assertTrue(after.isProblem(), after.toString());
        }
    }

    @Test
    @Order(3)
    void wrongPasswordAndUnknownAccountGetTheSameAnswer(Topology topology) {
        String email = uniqueEmail("carol");
        loggedIn(control(topology), email, password());
        Reply wrongPassword = ApiClient.anonymous(control(topology)).login(email, "not-the-password");
        Reply unknownAccount = ApiClient.anonymous(control(topology)).login(uniqueEmail("nobody"), "not-the-password");
        assertEquals(401, wrongPassword.status(), wrongPassword.toString());
        assertEquals(wrongPassword.status(), unknownAccount.status());
        assertEquals(wrongPassword.body(), unknownAccount.body(), "the answer must not tell whether the account exists");
        assertTrue(wrongPassword.isProblem());
    }

    @Test
    @Order(4)
    void repeatedFailedLoginsAreThrottledWithRetryAfter(Topology topology) {
        String email = uniqueEmail("dave");
        String password = password();
        loggedIn(control(topology), email, password);
        ApiClient attacker = ApiClient.anonymous(control(topology));
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(401, attacker.login(email, "guess-" + attempt).status(), "attempt " + attempt);
        }
        Reply throttled = attacker.login(email, "guess-6");
        assertEquals(429, throttled.status(), throttled.toString());
        assertTrue(throttled.isProblem(), throttled.toString());
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= 900, "Retry-After " + retryAfter);
        assertEquals(429, ApiClient.anonymous(control(topology)).login(email, password).status(),
                "even the right password waits until the window ends");

        Reply unknownThrottled = attacker.login(uniqueEmail("nobody"), "guess");
        assertEquals(401, unknownThrottled.status(), "another account is not throttled by this one's failures");
    }

    @Test
    @Order(4)
    void manyFailedLoginsFromOneAddressAreThrottledWhateverTheAccount(Topology topology) {
        URI control = control(topology);
        String address = ApiClient.anonymous(control).address();
        for (int attempt = 1; attempt <= 30; attempt++) {
            Reply failed = ApiClient.from(control, address).login(uniqueEmail("spray"), "guess");
            assertEquals(401, failed.status(), "attempt " + attempt + ": " + failed);
        }
        Reply throttled = ApiClient.from(control, address).login(uniqueEmail("spray"), "guess");
        assertEquals(429, throttled.status(), throttled.toString());
        assertTrue(throttled.header("Retry-After").isPresent());
        assertEquals(401, ApiClient.anonymous(control).login(uniqueEmail("spray"), "guess").status(),
                "another address is not throttled by this one's failures");
    }

    @Test
    @Order(5)
    void expiredTokenIsRefused(Topology topology) throws InterruptedException {
        ApiClient session = loggedIn(control(topology), uniqueEmail("erin"), password());
        String token = createToken(session, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3), "member:read");
        assertEquals(200, ApiClient.withToken(control(topology), token).get("/api/0/users/me/").status());
        Thread.sleep(4_000);
        Reply expired = ApiClient.withToken(control(topology), token).get("/api/0/users/me/");
        assertEquals(401, expired.status(), expired.toString());
        assertTrue(expired.isProblem());
    }

    @Test
    @Order(6)
    void revokedTokenIsRefused(Topology topology) {
        ApiClient session = loggedIn(control(topology), uniqueEmail("frank"), password());
        String token = createToken(session, "member:read");
        String id = session.get("/api/0/api-tokens/").jsonArray().getJsonObject(0).getString("id");
        for (URI instance : topology.controlInstances()) {
            assertEquals(200, ApiClient.withToken(instance, token).get("/api/0/users/me/").status(),
                    "every instance has verified (and cached) the token: " + instance);
        }
        assertEquals(204, session.delete("/api/0/api-tokens/" + id + "/").status());

        for (URI instance : topology.controlInstances()) {
            assertEquals(401, within(Duration.ofSeconds(2), 401,
                    () -> ApiClient.withToken(instance, token).get("/api/0/users/me/").status()),
                    "the revocation reached " + instance + " well before its cache would lapse");
        }
        assertEquals(0, session.get("/api/0/api-tokens/").jsonArray().size(), "a revoked token is no longer listed");
        assertEquals(404, session.delete("/api/0/api-tokens/" + id + "/").status(), "revoked twice");
    }

    @Test
    @Order(7)
    void tokenWithoutTheNeededScopeIsForbidden(Topology topology) {
        ApiClient session = loggedIn(control(topology), uniqueEmail("grace"), password());
        ApiClient eventsOnly = ApiClient.withToken(control(topology), createToken(session, "event:read"));
        Reply me = eventsOnly.get("/api/0/users/me/");
        assertEquals(403, me.status(), me.toString());
        assertTrue(me.isProblem() && me.json().getString("detail").contains("member:read"), me.toString());

        ApiClient reader = ApiClient.withToken(control(topology), createToken(session, "member:admin"));
        assertEquals(200, reader.get("/api/0/users/me/").status(), "member:admin includes member:read");
        Reply mint = reader.post("/api/0/api-tokens/", "{\"scopes\":[\"member:read\"]}");
        assertEquals(403, mint.status(), "a token cannot mint tokens: " + mint);
    }

    @Test
    @Order(8)
    void missingOrBrokenCredentialsAre401(Topology topology) {
        Reply anonymous = ApiClient.anonymous(control(topology)).get("/api/0/users/me/");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.isProblem());
        assertTrue(anonymous.header("WWW-Authenticate").orElse("").startsWith("Bearer"), anonymous.headers().map().toString());

        for (String token : List.of("silo_u_" + "A".repeat(43), "not-a-token", "x".repeat(5000), "' OR '1'='1")) {
            Reply refused = ApiClient.withToken(control(topology), token).get("/api/0/users/me/");
            assertEquals(401, refused.status(), token + ": " + refused);
            assertTrue(refused.isProblem());
        }
    }

    @Test
    @Order(9)
    void cookiePostWithoutCsrfTokenIsForbiddenAndChangesNothing(Topology topology) {
        ApiClient session = loggedIn(control(topology), uniqueEmail("heidi"), password());
        Reply forged = session.withoutCsrf().post("/api/0/api-tokens/", "{\"scopes\":[\"member:read\"]}");
        assertEquals(403, forged.status(), forged.toString());
        assertTrue(forged.isProblem() && forged.json().getString("detail").contains("CSRF"), forged.toString());
        assertEquals(0, session.get("/api/0/api-tokens/").jsonArray().size(), "the forged request created nothing");
        assertEquals(403, session.withoutCsrf().delete("/api/0/auth/").status(), "nor can it log the user out");
        assertEquals(200, session.get("/api/0/users/me/").status());
    }

    @Test
    @Order(10)
    void malformedJsonIsA400Problem(Topology topology) {
        ApiClient client = ApiClient.anonymous(control(topology));
        for (String body : List.of("{\"email\": ", "[1,2,3]", "not json", "{\"email\": {\"nested\": true}}")) {
            Reply reply = client.post("/api/0/auth/register/", body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        Reply missingFields = client.post("/api/0/auth/register/", "{}");
        assertEquals(400, missingFields.status());
        List<String> fields = missingFields.json().getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("email", "name", "password")), missingFields.toString());
    }

    @Test
    @Order(11)
    void oversizedBodyIsA413Problem(Topology topology) {
        String huge = "{\"email\":\"a@example.com\",\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"password\":\"12345678\"}";
        Reply reply = ApiClient.anonymous(control(topology)).post("/api/0/auth/register/", huge);
        assertEquals(413, reply.status(), reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
        assertTrue(reply.isProblem());
    }

    @Test
    @Order(12)
    void hostileTextInEveryFieldIsStoredOrRefusedCleanly(Topology topology) {
        List<String> hostile = List.of("Robert'); DROP TABLE users;--", "\" OR 1=1 --", "%' AND pg_sleep(5) --",
                "\\x00\\'", "a\u0000b", "😀 Ünïcødé ✓", "<script>alert(1)</script>", "x".repeat(10_000), "");
        ApiClient session = loggedIn(control(topology), uniqueEmail("ivan"), password());
        Map<String, Reply> replies = new LinkedHashMap<>();
        for (String text : hostile) {
            String json = Json.createValue(text).toString();
            String label = text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
            replies.put("register email " + label, ApiClient.anonymous(control(topology)).post("/api/0/auth/register/",
                    "{\"email\":" + json + ",\"name\":\"n\",\"password\":\"12345678\"}"));
            replies.put("register name " + label, ApiClient.anonymous(control(topology)).post("/api/0/auth/register/",
                    "{\"email\":\"" + UUID.randomUUID() + "@example.com\",\"name\":" + json + ",\"password\":\"12345678\"}"));
            replies.put("login email " + label, ApiClient.anonymous(control(topology)).post("/api/0/auth/login/",
                    "{\"email\":" + json + ",\"password\":\"x\"}"));
            replies.put("profile name " + label, session.put("/api/0/users/me/", "{\"name\":" + json + "}"));
            replies.put("token name " + label, session.post("/api/0/api-tokens/",
                    "{\"name\":" + json + ",\"scopes\":[\"member:read\"]}"));
            replies.put("token scope " + label, session.post("/api/0/api-tokens/", "{\"scopes\":[" + json + "]}"));
            replies.put("password " + label, session.put("/api/0/users/me/password/",
                    "{\"password\":" + json + ",\"passwordNew\":" + json + ",\"passwordVerify\":" + json + "}"));
            // URLs stay under the HTTP listener's 8 KiB request-line limit; longer ones are refused before Silo sees them
            String query = java.net.URLEncoder.encode(text.length() > 1000 ? text.substring(0, 1000) : text,
                    StandardCharsets.UTF_8);
            replies.put("audit cursor " + label, session.get("/api/0/users/me/audit-log/?cursor=" + query));
            replies.put("audit per_page " + label, session.get("/api/0/users/me/audit-log/?per_page=" + query));
            replies.put("token id " + label, session.delete("/api/0/api-tokens/" + query + "/"));
        }
        replies.forEach((what, reply) -> {
            assertTrue(reply.status() < 500, what + " -> " + reply);
            // the HTTP listener itself refuses some path characters (an encoded backslash) with a bare 400
            boolean refusedByListener = what.startsWith("token id") && reply.status() == 400 && reply.body().isEmpty();
            if (reply.status() >= 400 && !refusedByListener) {
                assertTrue(reply.isProblem(), what + " -> " + reply);
            }
        });
        // on a client of its own: the listener closes the connection after refusing
        Reply hugeUrl = ApiClient.anonymous(control(topology)).get("/api/0/users/me/audit-log/?cursor=" + "x".repeat(20_000));
        assertTrue(List.of(400, 414, 431).contains(hugeUrl.status()), "an oversized URL is refused: " + hugeUrl.status());
        String stored = "Robert'); DROP TABLE users;--";
        List<ApiClient> readers = topology.controlInstances().stream()
                .map(instance -> ApiClient.withToken(instance, createToken(session, "member:read"))).toList();
        readers.forEach(reader -> assertEquals(200, reader.get("/api/0/users/me/").status(), "profile cached"));
        assertEquals(200, session.put("/api/0/users/me/", "{\"name\":" + Json.createValue(stored) + "}").status());
        for (ApiClient reader : readers) {
            assertEquals(stored, within(Duration.ofSeconds(2), stored,
                    () -> reader.get("/api/0/users/me/").json().getString("name")),
                    "stored exactly as sent, and every instance shows it at once");
        }
        assertEquals(400, replies.get("profile name a\u0000b").status(), "control characters are refused");
    }

    @Test
    @Order(13)
    void passwordChangeEndsEveryOtherSessionAndReplacesThePassword(Topology topology) {
        String email = uniqueEmail("judy");
        String oldPassword = password();
        ApiClient laptop = loggedIn(control(topology), email, oldPassword);
        ApiClient phone = ApiClient.anonymous(control(topology));
        assertEquals(200, phone.login(email, oldPassword).status());
        phone.cookie("silo_session").ifPresent(SECRETS::add);

        String newPassword = password();
        Reply wrongCurrent = laptop.put("/api/0/users/me/password/", Json.createObjectBuilder()
                .add("password", "wrong").add("passwordNew", newPassword).add("passwordVerify", newPassword).build().toString());
        assertEquals(400, wrongCurrent.status(), wrongCurrent.toString());
        Reply changed = laptop.put("/api/0/users/me/password/", Json.createObjectBuilder()
                .add("password", oldPassword).add("passwordNew", newPassword).add("passwordVerify", newPassword).build().toString());
        assertEquals(204, changed.status(), changed.toString());

        assertEquals(200, laptop.get("/api/0/users/me/").status(), "the session that changed it stays");
        assertEquals(401, phone.get("/api/0/users/me/").status(), "every other session ends");
        assertEquals(401, ApiClient.anonymous(control(topology)).login(email, oldPassword).status());
        assertEquals(200, ApiClient.anonymous(control(topology)).login(email, newPassword).status());
    }

    @Test
    @Order(14)
    void auditLogRecordsSecurityActionsAndPagesInAStableOrder(Topology topology) {
        String email = uniqueEmail("kim");
        String password = password();
        ApiClient session = loggedIn(control(topology), email, password);
        assertEquals(401, ApiClient.anonymous(control(topology)).login(email, "wrong").status());
        for (int i = 0; i < 3; i++) {
            createToken(session, "member:read");
        }
        String id = session.get("/api/0/api-tokens/").jsonArray().getJsonObject(0).getString("id");
        assertEquals(204, session.delete("/api/0/api-tokens/" + id + "/").status());

        List<JsonObject> entries = new ArrayList<>();
        String next = "/api/0/users/me/audit-log/?per_page=2";
        int pages = 0;
        while (next != null) {
            Reply page = session.get(next);
            assertEquals(200, page.status(), page.toString());
            page.jsonArray().forEach(entry -> entries.add(entry.asJsonObject()));
            Matcher link = NEXT_LINK.matcher(page.header("Link").orElseThrow());
            assertTrue(link.find(), page.header("Link").orElseThrow());
            next = link.group(2).equals("true") ? URI.create(link.group(1)).getRawPath() + "?" + URI.create(link.group(1)).getRawQuery() : null;
            assertTrue(++pages < 20, "pagination ends");
        }
        List<String> events = entries.stream().map(entry -> entry.getString("event")).toList();
        assertEquals(List.of("token.revoked", "token.created", "token.created", "token.created", "login.failed",
                "login", "user.signed-up"), events);
        List<Long> ids = entries.stream().map(entry -> Long.parseLong(entry.getString("id"))).toList();
        assertEquals(ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), ids, "newest first, by id");
        assertEquals(new HashSet<>(ids).size(), ids.size(), "no entry on two pages");
        assertEquals(session.address(), entries.get(0).getString("ipAddress"), "the client's address is recorded");
        assertNotEquals(JsonValue.NULL, entries.get(0).get("actorUserId"));
    }

    /** Runs last: everything the scenarios above sent as a secret must be absent from every dump and log. */
    @Test
    @Order(100)
    void noPasswordTokenOrSessionIdIsStoredOrLoggedInClear(Topology topology) throws IOException {
        assertTrue(SECRETS.size() > 20, "the scenarios above used secrets: " + SECRETS.size());
        Map<String, String> haystacks = new LinkedHashMap<>();
        for (String database : topology.databases()) {
            haystacks.put("database " + database, topology.dump(database));
        }
        for (Path log : topology.logFiles()) {
            haystacks.put("log " + log.getFileName(), Files.readString(log, StandardCharsets.ISO_8859_1));
        }
        assertTrue(haystacks.get("database " + topology.databases().get(0)).contains("api_tokens"), "the dump is real");
        Set<String> leaks = new HashSet<>();
        for (String secret : SECRETS) {
            haystacks.forEach((where, text) -> {
                if (text.contains(secret)) {
                    leaks.add(where + " holds " + secret.substring(0, 6) + "…");
                }
            });
        }
        assertTrue(leaks.isEmpty(), "secrets in clear: " + leaks);
    }
}
