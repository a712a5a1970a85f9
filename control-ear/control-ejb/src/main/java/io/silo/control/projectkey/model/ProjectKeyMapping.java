package io.silo.control.projectkey.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Where a DSN's public key leads: its project, organization and region, so control's ingest endpoint can
 * route old DSNs. A removed key stays as a tombstone ({@code removed}) carrying its last version.
 */
@Entity
@Table(name = "project_key_mapping")
@NamedQuery(name = ProjectKeyMapping.LIVE_BY_PUBLIC_KEY,
        query = "SELECT k FROM ProjectKeyMapping k WHERE k.publicKey = :publicKey AND k.removed = false")
@ControlSilo
public class ProjectKeyMapping {

    public static final String LIVE_BY_PUBLIC_KEY = "ProjectKeyMapping.liveByPublicKey";

    @Id
    private long id;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "project_id")
    private long projectId;

    @Column(name = "organization_id")
    private long organizationId;

    private String region;

    @Column(name = "is_removed")
    private boolean removed;

    /** The version its region last sent, not an optimistic lock of this table. */
    private long version;

    @Column(name = "replicated_at")
    private OffsetDateTime replicatedAt;

    protected ProjectKeyMapping() {
    }

    public long id() {
        return id;
    }

    public String publicKey() {
        return publicKey;
    }

    public long projectId() {
        return projectId;
    }

    public long organizationId() {
        return organizationId;
    }

    public String region() {
        return region;
    }

    public boolean isRemoved() {
        return removed;
    }

    public long version() {
        return version;
    }
}
