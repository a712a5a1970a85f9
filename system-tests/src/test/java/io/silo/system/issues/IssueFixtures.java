package io.silo.system.issues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.system.harness.ApiClient;
import io.silo.system.harness.ApiClient.Reply;
import io.silo.system.harness.Organizations;
import io.silo.system.harness.SentrySdk;
import io.silo.system.harness.Topology;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issues made the way an application makes them: events sent to a project's store endpoint by an SDK, in an
 * organization whose owner reads them through the API.
 */
final class IssueFixtures {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"; results=\"(true|false)\"");
    private static final Pattern PREVIOUS = Pattern.compile("<([^>]*)>; rel=\"previous\"; results=\"(true|false)\"");

    private IssueFixtures() {
    }

    /** A project of the owner's organization with a DSN key (made through the region's testing endpoint). */
    record Project(Organizations.Owner owner, long id, String slug, String publicKey) {
    }

    static Project project(Topology topology, String server, Organizations.Owner owner) {
        String slug = "app-" + UUID.randomUUID().toString().substring(0, 8);
        Reply created = ApiClient.anonymous(topology.url(server)).post("/api/0/internal/testing/projects/",
                Json.createObjectBuilder().add("organizationId", owner.organizationId()).add("slug", slug).build().toString());
        assertEquals(201, created.status(), created.toString());
        return new Project(owner, created.json().getJsonNumber("projectId").longValue(), slug,
                created.json().getString("publicKey"));
    }

    /** An event as an SDK sends it: grouped by {@code fingerprint}, titled by {@code message}. */
    static JsonObjectBuilder event(String fingerprint, Instant at, String level, String message) {
        return Json.createObjectBuilder().add("event_id", SentrySdk.newEventId()).add("timestamp", at.toString())
                .add("platform", "java").add("level", level).add("message", message)
                .add("fingerprint", Json.createArrayBuilder().add(fingerprint));
    }

    /** Sends the event to the project's store endpoint; its event id. */
    static String send(Topology topology, String server, Project project, JsonObject event) {
        Reply stored = SentrySdk.store(topology.url(server), project.id(), project.publicKey(), event.toString());
        assertEquals(200, stored.status(), stored.toString());
        return event.getString("event_id");
    }

    /** Every item of a list, following its Link header's next pages; asserts each page has at most {@code perPage}. */
    static List<JsonObject> allPages(ApiClient api, String firstPath, int perPage) {
        List<JsonObject> items = new ArrayList<>();
        String path = firstPath;
        for (int page = 0; page < 50; page++) {
            Reply reply = api.get(path);
            assertEquals(200, reply.status(), reply.toString());
            List<JsonObject> rows = reply.jsonArray().getValuesAs(JsonObject.class);
            if (rows.size() > perPage) {
                throw new AssertionError("a page of " + rows.size() + " items asked for " + perPage + ": " + path);
            }
            items.addAll(rows);
            Matcher next = NEXT.matcher(reply.header("Link").orElseThrow());
            if (!next.find()) {
                throw new AssertionError("no next link: " + reply.header("Link"));
            }
            if (next.group(2).equals("false")) {
                return items;
            }
            path = pathOf(next.group(1));
        }
        throw new AssertionError("more than 50 pages");
    }

    /** The path and query of a Link header's previous page and whether it has results. */
    static String previous(Reply reply) {
        Matcher previous = PREVIOUS.matcher(reply.header("Link").orElseThrow());
        if (!previous.find()) {
            throw new AssertionError("no previous link: " + reply.header("Link"));
        }
        return pathOf(previous.group(1)) + "#" + previous.group(2);
    }

    private static String pathOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Changes the region's database directly, as only a test may (e.g. to age events). */
    static int execute(Topology topology, String server, String sql, Object... parameters) throws SQLException {
        try (Connection connection = topology.connectAs(server); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
