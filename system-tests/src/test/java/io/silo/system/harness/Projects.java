package io.silo.system.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.ApiClient.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/**
 * Projects with a DSN key for the end-to-end tests, made in a region through its testing endpoint (which uses
 * the real project and key entities) until the projects REST API exists.
 */
public final class Projects {

    private Projects() {
    }

    /** A project and its key: what a DSN names ({@code http://<publicKey>@<host>/<projectId>}). */
    public record ProjectKey(long organizationId, long projectId, long keyId, String publicKey) {

        public String dsn(java.net.URI server) {
            return "http://" + publicKey + "@" + server.getHost() + ":" + server.getPort() + "/" + projectId;
        }
    }

    /** A new project with an active key without rate limit, in a new organization of {@code server}'s region. */
    public static ProjectKey create(Topology topology, String server) throws Exception {
        return create(topology, server, Json.createObjectBuilder());
    }

    /**
     * A new project in a new organization, its key as {@code key} says ({@code keyActive}, {@code rateLimitCount},
     * {@code rateLimitWindow}).
     */
    public static ProjectKey create(Topology topology, String server, JsonObjectBuilder key) throws Exception {
        String slug = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
        Accounts.Account owner = Accounts.signUp(topology.url(topology.kind() == Topology.Kind.MONOLITH ? "monolith"
                : "control"), "ingest");
        long organizationId = Organizations.provision(topology, server, slug, owner.userId());
        Reply created = ApiClient.anonymous(topology.url(server)).post("/api/0/internal/testing/projects/",
                key.add("organizationId", organizationId).add("slug", slug).build().toString());
        assertEquals(201, created.status(), created.toString());
        JsonObject project = created.json();
        return new ProjectKey(organizationId, project.getJsonNumber("projectId").longValue(),
                project.getJsonNumber("keyId").longValue(), project.getString("publicKey"));
    }
}
