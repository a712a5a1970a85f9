package io.silo.region.event.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One stored SDK event, as ingestion wrote it: the fields the API filters and shows, and the normalized body
 * (JSON text). Events are written only by ingestion's native SQL (a repeated event id is stored once, which
 * needs {@code ON CONFLICT}); through JPA they are read, never changed.
 */
@Entity
@Table(name = "event")
@NamedQuery(name = Event.BY_EVENT_ID, query = "SELECT e FROM Event e WHERE e.projectId = :projectId"
        + " AND e.eventId = :eventId")
@RegionSilo
public class Event {

    public static final String BY_EVENT_ID = "Event.byEventId";

    @Id
    private long id;

    @Column(name = "event_id", insertable = false, updatable = false)
    private UUID eventId;

    @Column(name = "organization_id", insertable = false, updatable = false)
    private long organizationId;

    @Column(name = "project_id", insertable = false, updatable = false)
    private long projectId;

    @Column(name = "issue_id", insertable = false, updatable = false)
    private long issueId;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "received_at", insertable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Column(insertable = false, updatable = false)
    private String level;

    @Column(insertable = false, updatable = false)
    private String platform;

    @Column(insertable = false, updatable = false)
    private String environment;

    @Column(insertable = false, updatable = false)
    private String release;

    @Column(insertable = false, updatable = false)
    private String title;

    @Column(insertable = false, updatable = false)
    private String message;

    @Column(name = "exception_type", insertable = false, updatable = false)
    private String exceptionType;

    @Column(name = "exception_value", insertable = false, updatable = false)
    private String exceptionValue;

    @Column(name = "user_key", insertable = false, updatable = false)
    private String userKey;

    @Convert(converter = JsonbText.class)
    @Column(insertable = false, updatable = false)
    private String tags;

    @Convert(converter = JsonbText.class)
    @Column(name = "top_frames", insertable = false, updatable = false)
    private String topFrames;

    @Convert(converter = JsonbText.class)
    @Column(insertable = false, updatable = false)
    private String body;

    protected Event() {
    }

    public long id() {
        return id;
    }

    /** The SDK's event id. */
    public UUID eventId() {
        return eventId;
    }

    /** The SDK's event id as the SDKs write it: 32 lowercase hex digits. */
    public String eventIdHex() {
        return eventId.toString().replace("-", "");
    }

    public long organizationId() {
        return organizationId;
    }

    public long projectId() {
        return projectId;
    }

    public long issueId() {
        return issueId;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public String level() {
        return level;
    }

    public Optional<String> platform() {
        return Optional.ofNullable(platform);
    }

    public Optional<String> environment() {
        return Optional.ofNullable(environment);
    }

    public Optional<String> release() {
        return Optional.ofNullable(release);
    }

    public String title() {
        return title;
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public Optional<String> exceptionType() {
        return Optional.ofNullable(exceptionType);
    }

    public Optional<String> exceptionValue() {
        return Optional.ofNullable(exceptionValue);
    }

    /** The affected user: {@code id:…}, {@code email:…}, {@code username:…} or {@code ip:…}. */
    public Optional<String> userKey() {
        return Optional.ofNullable(userKey);
    }

    /** The tags, a JSON object of strings. */
    public String tagsJson() {
        return tags;
    }

    /** Up to 5 innermost frames, a JSON array of {module, function, filename, lineno, in_app}. */
    public String topFramesJson() {
        return topFrames;
    }

    /** The normalized event, a JSON object. */
    public String bodyJson() {
        return body;
    }
}
