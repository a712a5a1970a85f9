package io.silo.control.audit.model;

/** The security-relevant actions the audit log records; the wire name is {@link #value()}. */
public enum AuditEvent {
    USER_SIGNED_UP("user.signed-up"),
    USER_UPDATED("user.updated"),
    LOGIN("login"),
    LOGIN_FAILED("login.failed"),
    LOGOUT("logout"),
    PASSWORD_CHANGED("password.changed"),
    TOKEN_CREATED("token.created"),
    TOKEN_REVOKED("token.revoked");

    private final String value;

    AuditEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
