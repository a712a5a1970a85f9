package io.silo.region.ingest.service;

import io.silo.common.silo.RegionSilo;
import io.silo.common.web.ApiException;
import io.silo.region.event.service.EventNormalizer;
import io.silo.region.event.service.EventStore;
import io.silo.region.event.service.NormalizedEvent;
import io.silo.region.projectkey.model.ProjectKey;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SDK ingestion of one request (a store body or an envelope) in one transaction: the key is authenticated, the
 * whole request validated (every item parsed, every event normalized) before anything is written, the events
 * counted against the key's rate limit, then stored and grouped. A refused request writes nothing.
 *
 * <p>Answers as Sentry's Relay does: no key 401, unknown key 401, disabled key 403, a key of another project
 * 403 (Relay rejects the event for the project id), malformed envelope or invalid event JSON 400, too large
 * 413, over the key's rate limit 429. An item of a type this server does not know is skipped, and counted as
 * discarded, as Relay skips unknown item types (the envelope documentation asks servers to ignore them).
 */
@Stateless
@RegionSilo
public class IngestionService {

    @PersistenceContext(unitName = "region")
    EntityManager entityManager;

    @EJB
    EventStore events;

    @EJB
    IngestRateLimiter rateLimiter;

    @Inject
    IngestLimits limits;

    @Inject
    IngestMetrics metrics;

    /** A store request: one event as JSON. Returns the event id (32 hex). */
    public String store(long projectId, DsnCredentials credentials, byte[] body) {
        ProjectKey key = authenticate(projectId, credentials.publicKey(null));
        checkSize(body.length, limits.maxEventBytes(), "The event");
        JsonObject json = Envelope.parseObject(body, 0, body.length, "Invalid JSON in the event body");
        NormalizedEvent event = EventNormalizer.normalize(json, null, now(), "the event body");
        takeRate(key, 1);
        events.store(key.organizationId(), key.projectId(), event);
        metrics.stored("event");
        return event.eventIdHex();
    }

    /** An envelope. Returns the id of its event, or of the envelope header, or null when it has none. */
    public String envelope(long projectId, DsnCredentials credentials, byte[] body) {
        Envelope envelope = Envelope.parse(body);
        ProjectKey key = authenticate(projectId, credentials.publicKey(envelope.dsn()));
        OffsetDateTime receivedAt = now();
        List<NormalizedEvent> normalized = new ArrayList<>();
        for (Envelope.Item item : envelope.items()) {
            switch (item.type()) {
                case "event" -> {
                    checkSize(item.payload().length, limits.maxEventBytes(), "The event of " + item.describe());
                    normalized.add(EventNormalizer.normalize(item.json(), envelope.eventId(), receivedAt,
                            item.describe()));
                }
                case "transaction" -> {
                    checkSize(item.payload().length, limits.maxEventBytes(), "The transaction of " + item.describe());
                    item.json();
                }
                case "attachment" -> checkSize(item.payload().length, limits.maxAttachmentBytes(),
                        "The attachment of " + item.describe());
                default -> {
                }
            }
        }
        takeRate(key, normalized.size());
        for (NormalizedEvent event : normalized) {
            events.store(key.organizationId(), key.projectId(), event);
        }
        for (Envelope.Item item : envelope.items()) {
            if (item.type().equals("event")) {
                metrics.stored("event");
            } else if (IngestMetrics.KNOWN_TYPES.contains(item.type())) {
                metrics.accepted(item.type());
            } else {
                metrics.discarded();
            }
        }
        return normalized.isEmpty() ? envelope.eventId() : normalized.get(0).eventIdHex();
    }

    /** Counts the events against the key's rate limit (in a transaction of its own); a key without one costs nothing. */
    private void takeRate(ProjectKey key, int count) {
        if (key.rateLimitCount().isPresent() && count > 0) {
            rateLimiter.take(key, count);
        }
    }

    private ProjectKey authenticate(long projectId, String publicKey) {
        if (publicKey == null) {
            throw new ApiException(Response.Status.UNAUTHORIZED, "No DSN key: send X-Sentry-Auth: Sentry sentry_key=<public key>,"
                    + " sentry_version=7, the sentry_key query parameter or the envelope header's dsn");
        }
        ProjectKey key = entityManager.createNamedQuery(ProjectKey.BY_PUBLIC_KEY, ProjectKey.class)
                .setParameter("publicKey", publicKey).getResultStream().findFirst().orElseThrow(
                        () -> new ApiException(Response.Status.UNAUTHORIZED, "Unknown DSN key"));
        if (!key.isActive()) {
            throw ApiException.forbidden("This DSN's key is disabled");
        }
        if (key.projectId() != projectId) {
            throw ApiException.forbidden("This DSN's key does not belong to project " + projectId);
        }
        return key;
    }

    private static void checkSize(long size, long limit, String what) {
        if (size > limit) {
            throw new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE, what + " is " + size
                    + " bytes, more than the limit of " + limit);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
