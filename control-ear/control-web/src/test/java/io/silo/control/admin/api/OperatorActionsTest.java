package io.silo.control.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.control.audit.model.AuditEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorActionsTest {

    @Test
    void aReplayThroughControlNamesTheRegionAndTheMessage() {
        assertEquals(Optional.of(new OperatorActions.Action(AuditEvent.DEAD_LETTER_REPLAYED, "eu: dead letter ID:42")),
                OperatorActions.of("POST", "api/0/admin/regions/eu/outbox/dead-letters/ID:42/replay/", "control"));
    }

    @Test
    void controlsOwnOutboxIsNamedAfterTheServer() {
        assertEquals(Optional.of(new OperatorActions.Action(AuditEvent.DEAD_LETTER_DISCARDED, "control: dead letter ID:7")),
                OperatorActions.of("DELETE", "/api/0/admin/outbox/dead-letters/ID:7/", "control"));
        assertEquals(Optional.of(new OperatorActions.Action(AuditEvent.OUTBOX_SHARD_ENABLED, "monolith: shard user:12")),
                OperatorActions.of("POST", "api/0/admin/outbox/shards/user/12/enable/", "monolith"));
    }

    @Test
    void readingIsNoAction() {
        assertEquals(Optional.empty(), OperatorActions.of("GET", "api/0/admin/regions/eu/outbox/dead-letters/", "control"));
        assertEquals(Optional.empty(), OperatorActions.of("GET", "api/0/admin/outbox/shards/", "control"));
        assertEquals(Optional.empty(), OperatorActions.of("POST", "api/0/organizations/", "control"));
    }
}
