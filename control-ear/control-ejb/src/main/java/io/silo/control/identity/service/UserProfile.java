package io.silo.control.identity.service;

import java.time.OffsetDateTime;

/** What the API shows of an account, as last read from the database. */
public record UserProfile(long id, String email, String name, boolean active, OffsetDateTime createdAt) {
}
