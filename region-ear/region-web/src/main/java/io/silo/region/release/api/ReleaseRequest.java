package io.silo.region.release.api;

import io.silo.common.web.ApiException;
import io.silo.region.organization.service.OrganizationContext;
import io.silo.region.project.model.Project;
import io.silo.region.project.service.ProjectService;
import io.silo.region.release.service.ReleaseService.CommitInput;
import io.silo.region.release.service.ReleaseService.RefInput;
import io.silo.region.release.service.ReleaseService.ReleaseChanges;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release's JSON body as Sentry's tools send it, read field by field because absent and {@code null} differ
 * ({@code "dateReleased": null} un-finalizes, no {@code dateReleased} leaves it). Projects are named by slug or id,
 * and sentry-cli sends an id that is all digits as a JSON number. Every refusal names its field.
 */
final class ReleaseRequest {

    private ReleaseRequest() {
    }

    static String version(JsonObject body) {
        return text(body, "version", 200);
    }

    static ReleaseChanges changes(JsonObject body, OrganizationContext context, ProjectService projects) {
        return new ReleaseChanges(text(body, "ref", 200), text(body, "url", 2000), date(body, "dateStarted"),
                body.containsKey("dateReleased") ? Optional.ofNullable(date(body, "dateReleased")) : Optional.empty(),
                projects(body, context, projects), refs(body), commits(body));
    }

    static String text(JsonObject body, String field, int max) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().length() > max) {
            throw ApiException.invalidField(field, "must be a string of at most " + max + " characters");
        }
        return text.getString();
    }

    static OffsetDateTime date(JsonObject body, String field) {
        String text = text(body, field, 64);
        try {
            return text == null ? null : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be an RFC 3339 date with its offset, e.g. 2026-12-07T10:15:30Z");
        }
    }

    private static List<Project> projects(JsonObject body, OrganizationContext context, ProjectService projects) {
        JsonArray named = array(body, "projects");
        if (named == null) {
            return List.of();
        }
        List<Project> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (JsonValue value : named) {
            String name = value instanceof JsonString text ? text.getString()
                    : value instanceof JsonNumber number && number.isIntegral() ? number.bigIntegerValue().toString() : null;
            if (name == null) {
                throw ApiException.invalidField("projects", "must list project slugs or ids");
            }
            projects.findBySlugOrId(context, name).ifPresentOrElse(found::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalidField("projects", "Invalid project ids or slugs: " + String.join(", ", unknown));
        }
        return found;
    }

    private static Optional<List<RefInput>> refs(JsonObject body) {
        JsonArray refs = array(body, "refs");
        if (refs == null) {
            return Optional.empty();
        }
        List<RefInput> read = new ArrayList<>();
        for (JsonValue value : refs) {
            if (!(value instanceof JsonObject ref) || text(ref, "repository", 200) == null || text(ref, "commit", 64) == null) {
                throw ApiException.invalidField("refs", "each ref needs a repository and a commit");
            }
            read.add(new RefInput(text(ref, "repository", 200), text(ref, "commit", 64), text(ref, "previousCommit", 64)));
        }
        return Optional.of(read);
    }

    private static Optional<List<CommitInput>> commits(JsonObject body) {
        JsonArray commits = array(body, "commits");
        if (commits == null) {
            return Optional.empty();
        }
        List<CommitInput> read = new ArrayList<>();
        for (JsonValue value : commits) {
            if (!(value instanceof JsonObject commit)) {
                throw ApiException.invalidField("commits", "each commit must be an object");
            }
            String repository = text(commit, "repository", 200);
            read.add(new CommitInput(repository == null ? "unknown" : repository, text(commit, "id", 64),
                    text(commit, "author_name", 10_000), text(commit, "author_email", 10_000),
                    text(commit, "message", 1_000_000), date(commit, "timestamp")));
        }
        return Optional.of(read);
    }

    private static JsonArray array(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.invalidField(field, "must be a list");
        }
        return array;
    }
}
