package io.silo.control.identity.service;

/** A token stopped being valid; fired inside the revoking transaction, acted on once it commits. */
public record TokenRevoked(String tokenHash) {
}
