package io.silo.common.rpc.user;

/** A user on the wire: what regions may know of a control user (never a password hash). */
public record RpcUser(long id, String email, String name, boolean active) {
}
