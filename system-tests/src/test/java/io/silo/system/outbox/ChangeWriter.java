package io.silo.system.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts whose changes the outbox tests write through control's REST API, and a load of such changes
 * (renames, token creations and revocations) spread over the control instances. The source of truth is
 * control's database, not what a client was told: a request cut off by a killed server may or may not
 * have committed, and the tests compare databases.
 */
final class ChangeWriter {

    record Account(ApiClient session, long userId) {
    }

    private ChangeWriter() {
    }

    /** Signs up {@code count} accounts, on the control instances in turn. */
    static List<Account> signUp(Topology topology, int count, String who) {
        List<String> controls = controlServers(topology);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiClient session = ApiClient.anonymous(topology.url(controls.get(i % controls.size())));
            String email = who + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Reply login = session.signUpAndLogin(email, who + " " + i, "pw-" + UUID.randomUUID());
            assertEquals(200, login.status(), login.toString());
            Reply me = session.get("/api/0/users/me/");
            assertEquals(200, me.status(), me.toString());
            accounts.add(new Account(session, Long.parseLong(me.json().getString("id"))));
        }
        return accounts;
    }

    static List<String> controlServers(Topology topology) {
        return topology.servers().stream().filter(server -> server.startsWith("control")).toList();
    }

    static Reply rename(Account account, String name) {
        return account.session().put("/api/0/users/me/", Json.createObjectBuilder().add("name", name).build().toString());
    }

    /** One thread per account writing changes until {@link #close()}, each request to the next control instance. */
    static final class Load implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger succeeded = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();

        Load(Topology topology, List<Account> accounts) {
            List<String> controls = controlServers(topology);
            for (int a = 0; a < accounts.size(); a++) {
                Account account = accounts.get(a);
                int first = a;
                Thread thread = new Thread(() -> write(topology, controls, account, first), "change-writer-" + a);
                threads.add(thread);
                thread.start();
            }
        }

        private void write(Topology topology, List<String> controls, Account account, int first) {
            String lastToken = null;
            for (int i = 0; running.get(); i++) {
                ApiClient client = account.session().on(topology.url(controls.get((first + i) % controls.size())));
                try {
                    Reply reply;
                    if (i % 3 == 0) {
                        reply = client.post("/api/0/api-tokens/", "{\"name\":\"load " + i + "\",\"scopes\":[\"member:read\"]}");
                        if (reply.status() == 201) {
                            lastToken = reply.json().getString("id");
                        }
                    } else if (i % 3 == 2 && lastToken != null) {
                        reply = client.delete("/api/0/api-tokens/" + lastToken + "/");
                        lastToken = null;
                    } else {
                        reply = client.put("/api/0/users/me/", "{\"name\":\"Load " + first + "." + i + "\"}");
                    }
                    (reply.status() < 300 ? succeeded : failed).incrementAndGet();
                } catch (UncheckedIOException | IllegalStateException e) {
                    failed.incrementAndGet(); // a server down or killed mid-request
                    pause();
                }
            }
        }

        private static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int succeeded() {
            return succeeded.get();
        }

        int failed() {
            return failed.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }
    }
}
