package io.silo.control.admin.api;

import io.silo.control.audit.model.AuditEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which operator action a successful admin request was, for the audit log: replay, discard, re-enable. */
final class OperatorActions {

    /** An action: its audit event and what it was done to ({@code eu: dead letter ID:…}). */
    record Action(AuditEvent event, String detail) {
    }

    private static final String OUTBOX = "api/0/admin/(?:regions/([^/]+)/)?outbox/";
    private static final Pattern REPLAY = Pattern.compile(OUTBOX + "dead-letters/([^/]+)/replay/?");
    private static final Pattern DISCARD = Pattern.compile(OUTBOX + "dead-letters/([^/]+)/?");
    private static final Pattern ENABLE = Pattern.compile(OUTBOX + "shards/([^/]+)/([^/]+)/enable/?");

    private OperatorActions() {
    }

    /** @param path the request's path below the application, without a leading slash */
    static Optional<Action> of(String method, String path, String ownSilo) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        Matcher matched;
        if (method.equals("POST") && (matched = REPLAY.matcher(relative)).matches()) {
            return Optional.of(new Action(AuditEvent.DEAD_LETTER_REPLAYED, silo(matched, ownSilo) + ": dead letter "
                    + matched.group(2)));
        }
        if (method.equals("DELETE") && (matched = DISCARD.matcher(relative)).matches()) {
            return Optional.of(new Action(AuditEvent.DEAD_LETTER_DISCARDED, silo(matched, ownSilo) + ": dead letter "
                    + matched.group(2)));
        }
        if (method.equals("POST") && (matched = ENABLE.matcher(relative)).matches()) {
            return Optional.of(new Action(AuditEvent.OUTBOX_SHARD_ENABLED, silo(matched, ownSilo) + ": shard "
                    + matched.group(2) + ":" + matched.group(3)));
        }
        return Optional.empty();
    }

    private static String silo(Matcher matched, String ownSilo) {
        return matched.group(1) == null ? ownSilo : matched.group(1);
    }
}
