package io.silo.control.user.api;

import java.time.OffsetDateTime;

/**
 * An account as the API shows it (Sentry's user serializer: string ids, camelCase). {@code isSuperuser} says the
 * account is one of the installation's operators ({@code silo.admin.emails}), as Sentry's field does; made by
 * {@link UserViews}.
 */
public record UserView(String id, String email, String username, String name, boolean isActive, OffsetDateTime dateJoined,
                       boolean isSuperuser) {
}
