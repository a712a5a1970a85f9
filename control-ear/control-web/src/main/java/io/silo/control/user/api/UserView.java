package io.silo.control.user.api;

import io.silo.control.identity.service.UserProfile;
import io.silo.control.user.model.User;
import java.time.OffsetDateTime;

/** An account as the API shows it (Sentry's user serializer: string ids, camelCase). */
public record UserView(String id, String email, String username, String name, boolean isActive, OffsetDateTime dateJoined) {

    public static UserView of(UserProfile profile) {
        return new UserView(String.valueOf(profile.id()), profile.email(), profile.email(), profile.name(),
                profile.active(), profile.createdAt());
    }

    public static UserView of(User user) {
        return new UserView(String.valueOf(user.id()), user.email(), user.email(), user.name(), user.isActive(),
                user.createdAt());
    }
}
