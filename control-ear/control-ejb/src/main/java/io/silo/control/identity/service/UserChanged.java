package io.silo.control.identity.service;

/** A user's account changed (profile, password, state); fired inside the changing transaction. */
public record UserChanged(long userId) {
}
