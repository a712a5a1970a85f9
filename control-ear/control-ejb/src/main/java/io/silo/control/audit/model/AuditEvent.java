package io.silo.control.audit.model;

/**
 * The security-relevant actions control records; the wire name {@link #value()} is what the audit log stores
 * (regions report their own events by wire name).
 */
public enum AuditEvent {
    USER_SIGNED_UP("user.signed-up"),
    USER_UPDATED("user.updated"),
    USER_DEACTIVATED("user.deactivated"),
    LOGIN("login"),
    LOGIN_FAILED("login.failed"),
    LOGOUT("logout"),
    PASSWORD_CHANGED("password.changed"),
    TOKEN_CREATED("token.created"),
    TOKEN_REVOKED("token.revoked"),
    ORGANIZATION_CREATED("organization.created"),
    ORGANIZATION_PROVISIONING_REPAIRED("organization.provisioning-repaired"),
    ORGANIZATION_PROVISIONING_RELEASED("organization.provisioning-released"),
    ORGANIZATION_SLUG_CHANGED("organization.slug-changed"),
    OUTBOX_SHARD_ENABLED("outbox.shard-enabled"),
    DEAD_LETTER_REPLAYED("outbox.dead-letter-replayed"),
    DEAD_LETTER_DISCARDED("outbox.dead-letter-discarded");

    private final String value;

    AuditEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
