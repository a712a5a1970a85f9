package io.silo.region.replication.model;

import io.silo.common.silo.RegionSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A control user as this region knows it; written only by the outbox consumer (read-only here). */
@Entity
@Table(name = "user_replica")
@RegionSilo
public class ReplicatedUser {

    @Id
    private long id;

    private String email;

    private String name;

    @Column(name = "is_active")
    private boolean active;

    /** The user's version in control, not an optimistic lock of this table. */
    private long version;

    @Column(name = "replicated_at")
    private OffsetDateTime replicatedAt;

    protected ReplicatedUser() {
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime replicatedAt() {
        return replicatedAt;
    }
}
