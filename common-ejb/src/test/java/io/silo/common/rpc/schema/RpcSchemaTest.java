package io.silo.common.rpc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.silo.common.rpc.RpcCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The committed RPC schema (common-ejb/rpc-schema.json) is what the code declares. When a service changes,
 * regenerate it with {@code mvn -pl common-ejb test -Dtest=RpcSchemaTest -Dsilo.rpc.schema.update=true};
 * a breaking change is only written with {@code -Dsilo.rpc.schema.allow-breaking=true} as well.
 */
class RpcSchemaTest {

    static final Path COMMITTED = Path.of("rpc-schema.json");

    @Test
    void committedSchemaMatchesTheCode() throws IOException {
        String generated = RpcSchema.toText(RpcSchema.generate(RpcCatalog.services()));
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : null;
        if (generated.equals(committed)) {
            return;
        }
        List<String> breaking = committed == null ? List.of()
                : RpcSchemaCompatibility.breakingChanges(parse(committed), parse(generated));
        if (Boolean.getBoolean("silo.rpc.schema.update")
                && (breaking.isEmpty() || Boolean.getBoolean("silo.rpc.schema.allow-breaking"))) {
            Files.writeString(COMMITTED, generated);
            return;
        }
        fail("The RPC services differ from the committed " + COMMITTED.toAbsolutePath().normalize()
                + (breaking.isEmpty() ? " (compatible changes only)" : "; breaking changes:\n  " + String.join("\n  ", breaking))
                + "\nRegenerate it: mvn -pl common-ejb test -Dtest=RpcSchemaTest -Dsilo.rpc.schema.update=true"
                + (breaking.isEmpty() ? "" : " -Dsilo.rpc.schema.allow-breaking=true (and deploy callee and callers together)"));
    }

    @Test
    void aChangedSignatureDriftsFromTheSchemaGeneratedBefore() {
        JsonObject before = RpcSchema.generate(List.of(SchemaFixtures.Before.class));
        JsonObject after = RpcSchema.generate(List.of(SchemaFixtures.After.class));
        assertNotEquals(RpcSchema.toText(before), RpcSchema.toText(after), "the drift test would notice");
        List<String> breaking = RpcSchemaCompatibility.breakingChanges(before, after);
        assertTrue(breaking.contains("fixture.find: argument 'tenant' added without a default (make it Optional)"), breaking.toString());
        assertTrue(breaking.contains("fixture.find argument 'id': type changed from integer(int64) to string"), breaking.toString());
        assertTrue(breaking.contains("fixture.remove removed"), breaking.toString());
        assertTrue(breaking.contains("fixture.count: argument 'since' removed"), breaking.toString());
        assertTrue(breaking.contains("fixture.find value: field 'name' removed"), breaking.toString());
        assertTrue(breaking.contains("fixture.summarize value: type changed from string to integer(int32)"), breaking.toString());
        assertTrue(breaking.contains("fixture.store argument 'thing' field 'owner': type changed from integer(int64) to string"),
                breaking.toString());
        assertTrue(breaking.contains("fixture.find value field 'owner': type changed from integer(int64) to string"), breaking.toString());
        assertTrue(breaking.contains("fixture.store argument 'thing': field 'name' removed"), breaking.toString());
        assertEquals(9, breaking.size(), breaking.toString());
    }

    @Test
    void optionalArgumentsNewMethodsAndNewValueFieldsAreCompatible() {
        JsonObject before = RpcSchema.generate(List.of(SchemaFixtures.Compatible.class));
        JsonObject after = RpcSchema.generate(List.of(SchemaFixtures.CompatibleLater.class));
        assertNotEquals(RpcSchema.toText(before), RpcSchema.toText(after));
        assertEquals(List.of(), RpcSchemaCompatibility.breakingChanges(before, after));
    }

    @Test
    void aRemovedServiceIsReportedOnce() {
        JsonObject before = RpcSchema.generate(List.of(SchemaFixtures.Before.class, SchemaFixtures.Compatible.class));
        JsonObject after = RpcSchema.generate(List.of(SchemaFixtures.Before.class));
        assertEquals(List.of("service compatible removed"), RpcSchemaCompatibility.breakingChanges(before, after));
    }

    @Test
    void schemaDescribesArgumentsValuesErrorsAndOwner() {
        JsonObject schema = RpcSchema.generate(RpcCatalog.services());
        JsonObject getById = schema.getJsonObject("paths").getJsonObject("/api/0/internal/rpc/user/getById").getJsonObject("post");
        assertEquals("CONTROL", getById.getString("x-silo-owner"));
        assertTrue(getById.getBoolean("x-silo-idempotent"));
        assertEquals("io.silo.common.rpc.user.NoSuchUserException",
                getById.getJsonObject("responses").getJsonObject("422").getJsonArray("x-silo-errors").getString(0));
        JsonObject arguments = getById.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                .getJsonObject("schema");
        assertEquals("int64", arguments.getJsonObject("properties").getJsonObject("userId").getString("format"));
        assertEquals("userId", arguments.getJsonArray("required").getString(0));
        assertEquals("REGION", schema.getJsonObject("paths").getJsonObject("/api/0/internal/rpc/replica/summary")
                .getJsonObject("post").getString("x-silo-owner"));
    }

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
