package io.silo.control.user.api;

import io.silo.control.user.model.User;
import java.time.OffsetDateTime;

/** An account as the API shows it (Sentry's user serializer: string ids, camelCase). */
public record UserView(String id, String email, String username, String name, boolean isActive, OffsetDateTime dateJoined) {

    public static UserView of(User user) {
        return new UserView(String.valueOf(user.id()), user.email(), user.email(), user.name(), user.isActive(),
                user.createdAt());
    }
}
