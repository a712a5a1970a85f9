package io.silo.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void wireNamesAreSentrys() {
        assertEquals("org:read", Scope.ORG_READ.value());
        assertEquals("event:admin", Scope.EVENT_ADMIN.value());
        assertEquals(Optional.of(Scope.PROJECT_WRITE), Scope.fromValue("project:write"));
        assertEquals(Optional.empty(), Scope.fromValue("project:delete"));
        assertEquals(Optional.empty(), Scope.fromValue("PROJECT:WRITE"));
        assertEquals(17, Scope.all().size());
        assertEquals("admin", Scope.ADMIN.value());
        assertEquals(Optional.of(Scope.ADMIN), Scope.fromValue("admin"));
    }

    @Test
    void adminIsNoAccountScopeAndNoAccountScopeGrantsIt() {
        assertEquals(16, Scope.accountScopes().size());
        assertFalse(Scope.accountScopes().contains(Scope.ADMIN));
        assertFalse(Scope.anyGrants(Scope.accountScopes(), Scope.ADMIN));
        assertFalse(Scope.ADMIN.grants(Scope.ORG_READ));
        assertTrue(Scope.ADMIN.grants(Scope.ADMIN));
        assertFalse(ApiPrincipal.session(1).has(Scope.ADMIN), "a session is not an operator's unless control says so");
    }

    @Test
    void aHigherLevelGrantsTheLowerOnesOfItsAreaOnly() {
        assertTrue(Scope.MEMBER_ADMIN.grants(Scope.MEMBER_READ));
        assertTrue(Scope.MEMBER_WRITE.grants(Scope.MEMBER_WRITE));
        assertFalse(Scope.MEMBER_READ.grants(Scope.MEMBER_WRITE));
        assertFalse(Scope.ORG_ADMIN.grants(Scope.PROJECT_READ));
        assertTrue(Scope.anyGrants(Set.of(Scope.EVENT_READ, Scope.TEAM_ADMIN), Scope.TEAM_WRITE));
        assertFalse(Scope.anyGrants(Set.of(), Scope.ORG_READ));
    }

    @Test
    void projectReleasesIsGrantedByProjectWriteAndGrantsNothingElse() {
        assertTrue(Scope.PROJECT_RELEASES.grants(Scope.PROJECT_RELEASES));
        assertTrue(Scope.PROJECT_WRITE.grants(Scope.PROJECT_RELEASES));
        assertTrue(Scope.PROJECT_ADMIN.grants(Scope.PROJECT_RELEASES));
        assertFalse(Scope.PROJECT_READ.grants(Scope.PROJECT_RELEASES));
        assertFalse(Scope.ORG_ADMIN.grants(Scope.PROJECT_RELEASES));
        assertFalse(Scope.PROJECT_RELEASES.grants(Scope.PROJECT_READ));
        assertEquals(Optional.of(Scope.PROJECT_RELEASES), Scope.fromValue("project:releases"));
    }
}
