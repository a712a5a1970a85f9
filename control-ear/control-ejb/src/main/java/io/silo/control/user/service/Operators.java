package io.silo.control.user.service;

import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSilo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's operators: the accounts whose emails {@code silo.admin.emails} lists (comma-separated;
 * environment {@code SILO_ADMIN_EMAILS}). Only they hold the {@link Scope#ADMIN} scope: their login sessions
 * have it, and only they may create tokens with it. Taking an email off the list ends its admin scope in
 * control at once (sessions and tokens alike); tokens already replicated to regions keep it there until
 * they are revoked, so revoke an operator's admin tokens when removing the operator.
 */
@ApplicationScoped
@ControlSilo
public class Operators {

    @Inject
    @ConfigProperty(name = "silo.admin.emails")
    Optional<String> adminEmails;

    public boolean isOperator(String email) {
        String normalized = UserAccountService.normalizeEmail(email);
        return adminEmails.map(list -> Arrays.stream(list.split(",")).map(UserAccountService::normalizeEmail)
                .filter(listed -> !listed.isEmpty()).anyMatch(normalized::equals)).orElse(false);
    }

    /** What the account may hold: every account scope, and {@link Scope#ADMIN} for an operator. */
    public Set<Scope> grantable(String email) {
        Set<Scope> scopes = EnumSet.copyOf(Scope.accountScopes());
        if (isOperator(email)) {
            scopes.add(Scope.ADMIN);
        }
        return scopes;
    }
}
