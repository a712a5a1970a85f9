package io.silo.control.user.api;

import io.silo.common.silo.ControlSilo;
import io.silo.control.identity.service.UserProfile;
import io.silo.control.user.model.User;
import io.silo.control.user.service.Operators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Makes {@link UserView}s: an account and whether it is an operator. */
@ApplicationScoped
@ControlSilo
public class UserViews {

    @Inject
    Operators operators;

    public UserView of(UserProfile profile) {
        return new UserView(String.valueOf(profile.id()), profile.email(), profile.email(), profile.name(),
                profile.active(), profile.createdAt(), operators.isOperator(profile.email()));
    }

    public UserView of(User user) {
        return new UserView(String.valueOf(user.id()), user.email(), user.email(), user.name(), user.isActive(),
                user.createdAt(), operators.isOperator(user.email()));
    }
}
