package io.silo.control.user.model;

import io.silo.common.silo.ControlSilo;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** An account: one per person across every region. Its email is stored lower-cased. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.BY_IDS, query = "SELECT u FROM User u WHERE u.id IN :ids")
@ControlSilo
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String BY_IDS = "User.byIds";

    @Id
    private long id;

    private String email;

    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "is_active")
    private boolean active;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    @Version
    private long version;

    protected User() {
    }

    public User(long id, String email, String name, String passwordHash, OffsetDateTime now) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
        this.passwordChangedAt = now;
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

    public String passwordHash() {
        return passwordHash;
    }

    /** The row version the last flush wrote; replicas in the regions keep the highest they have seen. */
    public long version() {
        return version;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public void rename(String newName, OffsetDateTime now) {
        this.name = newName;
        this.updatedAt = now;
    }

    /** Closes the account: it can no longer log in, and its sessions and tokens stop working in every silo. */
    public void deactivate(OffsetDateTime now) {
        this.active = false;
        this.updatedAt = now;
    }

    public void rehashPassword(String sameSecretNewHash) {
        this.passwordHash = sameSecretNewHash;
    }

    public void changePasswordHash(String newHash, OffsetDateTime now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }
}
