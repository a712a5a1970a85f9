package io.silo.control.session.api;

import io.silo.control.user.api.UserView;

/**
 * The answer to a login: the account, and the CSRF token to echo in {@code X-CSRF-Token} on state-changing
 * requests (also set as the readable {@code silo_csrf} cookie; the session id travels only in its HttpOnly cookie).
 */
public record LoginView(UserView user, String csrfToken) {
}
