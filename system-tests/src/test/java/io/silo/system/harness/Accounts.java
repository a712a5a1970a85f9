package io.silo.system.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.URI;
import java.util.UUID;

/** Accounts and tokens the end-to-end tests need, created through control's API as a user would. */
public final class Accounts {

    public static final String OPERATOR_PASSWORD = "operator passphrase for tests";

    private Accounts() {
    }

    /** A logged-in session of a new account, and the account's id. */
    public record Account(ApiClient session, long userId, String email) {
    }

    public static Account signUp(URI control, String who) {
        ApiClient session = ApiClient.anonymous(control);
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Reply login = session.signUpAndLogin(email, "Person " + who, "pw-" + UUID.randomUUID());
        assertEquals(200, login.status(), login.toString());
        return new Account(session, Long.parseLong(login.json().getJsonObject("user").getString("id")), email);
    }

    /** The topology's operator ({@link Topology#OPERATOR_EMAIL}), signed up the first time, logged in. */
    public static Account operator(URI control) {
        ApiClient session = ApiClient.anonymous(control);
        Reply login = session.login(Topology.OPERATOR_EMAIL, OPERATOR_PASSWORD);
        if (login.status() == 401) {
            login = session.signUpAndLogin(Topology.OPERATOR_EMAIL, "Operator", OPERATOR_PASSWORD);
        }
        assertEquals(200, login.status(), login.toString());
        return new Account(session, Long.parseLong(login.json().getJsonObject("user").getString("id")),
                Topology.OPERATOR_EMAIL);
    }

    /** A new token of the session's account with these scopes: the reply of its creation (201 expected). */
    public static Reply createToken(ApiClient session, String... scopes) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String scope : scopes) {
            list.add(scope);
        }
        return session.post("/api/0/api-tokens/", Json.createObjectBuilder().add("name", "test token")
                .add("scopes", list).build().toString());
    }

    /** A new account of {@code control} and a client of control with a new token of theirs of these scopes. */
    public static ApiClient newUserWithToken(URI control, String who, String... scopes) {
        return ApiClient.withToken(control, token(signUp(control, who).session(), scopes));
    }

    /** The secret of a new token with these scopes. */
    public static String token(ApiClient session, String... scopes) {
        Reply created = createToken(session, scopes);
        assertEquals(201, created.status(), created.toString());
        return created.json().getString("token");
    }
}
