package io.silo.common.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.web.ApiException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Authorize(scopes = Scope.PROJECT_WRITE)
    private static final class ProjectWriter {
    }

    @Authorize(sessionOnly = true)
    private static final class SessionOnly {
    }

    private static Optional<Authorize> rule(Class<?> type) {
        return Optional.of(type.getAnnotation(Authorize.class));
    }

    private static int statusOf(Runnable check) {
        return assertThrows(ApiException.class, check::run).problem().status();
    }

    @Test
    void noCredentialIs401() {
        assertEquals(401, statusOf(() -> AccessPolicy.check(Optional.empty(), Optional.empty())));
    }

    @Test
    void aTokenWithoutTheScopeIs403NamingIt() {
        ApiPrincipal reader = ApiPrincipal.userToken(1, 2, Set.of(Scope.PROJECT_READ));
        ApiException refused = assertThrows(ApiException.class,
                () -> AccessPolicy.check(Optional.of(reader), rule(ProjectWriter.class)));
        assertEquals(403, refused.problem().status());
        assertTrue(refused.problem().detail().contains("project:write"), refused.problem().detail());
        assertDoesNotThrow(() -> AccessPolicy.check(Optional.of(ApiPrincipal.userToken(1, 2, Set.of(Scope.PROJECT_ADMIN))),
                rule(ProjectWriter.class)));
        assertDoesNotThrow(() -> AccessPolicy.check(Optional.of(ApiPrincipal.session(1)), rule(ProjectWriter.class)));
    }

    @Test
    void sessionOnlyEndpointsRefuseTokensAndUserEndpointsRefuseOrganizationTokens() {
        assertEquals(403, statusOf(() -> AccessPolicy.check(Optional.of(ApiPrincipal.userToken(1, 2, Scope.all())),
                rule(SessionOnly.class))));
        assertEquals(403, statusOf(() -> AccessPolicy.check(
                Optional.of(ApiPrincipal.organizationToken(7, 2, Scope.all())), rule(ProjectWriter.class))));
    }

    @Test
    void anotherOrganizationDoesNotExistForTheCaller() {
        assertEquals(404, statusOf(() -> AccessPolicy.checkOrganization(ApiPrincipal.session(1), 42, false)));
        assertDoesNotThrow(() -> AccessPolicy.checkOrganization(ApiPrincipal.session(1), 42, true));
        assertEquals(404, statusOf(() -> AccessPolicy.checkOrganization(
                ApiPrincipal.organizationToken(7, 2, Scope.all()), 42, true)));
        assertDoesNotThrow(() -> AccessPolicy.checkOrganization(ApiPrincipal.organizationToken(42, 2, Scope.all()), 42, false));
    }
}
