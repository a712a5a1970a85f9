package io.silo.control.user.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.auth.Scope;
import io.silo.common.silo.ControlSiloInterceptor;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.SiloUnavailableException;
import io.silo.common.silo.Silos;
import io.silo.testkit.ControlSiloTest;
import io.silo.testkit.ReflectiveInvocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs in MONOLITH and in CONTROL mode, with the silo limit of the control bean enforced. */
@ControlSiloTest
class OperatorsTest {

    private static Operators configured(String emails) {
        Operators operators = new Operators();
        operators.adminEmails = Optional.ofNullable(emails);
        return operators;
    }

    @Test
    void listedEmailsAreOperatorsWhateverTheirCaseAndSpacing() {
        Operators operators = configured("ops@example.com, Second@Example.com ");
        assertTrue(operators.isOperator("OPS@example.com"));
        assertTrue(operators.isOperator("second@example.com"));
        assertFalse(operators.isOperator("someone@example.com"));
        assertFalse(operators.isOperator("ops@example.co"));
    }

    @Test
    void withoutTheSettingNobodyIsAnOperator() {
        assertFalse(configured(null).isOperator("ops@example.com"));
        assertFalse(configured("").isOperator(""));
    }

    @Test
    void onlyAnOperatorMayHoldTheAdminScope() {
        Operators operators = configured("ops@example.com");
        assertTrue(operators.grantable("ops@example.com").contains(Scope.ADMIN));
        assertEquals(Scope.accountScopes(), operators.grantable("user@example.com"));
    }

    @Test
    void operatorsAnswerThroughTheSiloLimitWhereControlRuns(SiloMode mode) throws Exception {
        Object answer = new ControlSiloInterceptor().enforce(
                new ReflectiveInvocation(configured("ops@example.com"), "isOperator", "ops@example.com"));
        assertEquals(true, answer, mode.name());
    }

    @Test
    void aRegionServerMayNotAskWhoIsAnOperator() {
        SiloUnavailableException refused = assertThrows(SiloUnavailableException.class, () -> Silos.runAs(SiloMode.REGION,
                () -> new ControlSiloInterceptor().enforce(
                        new ReflectiveInvocation(configured("ops@example.com"), "isOperator", "ops@example.com"))));
        assertEquals("Called Operators.isOperator on a server in REGION mode. Available only in: MONOLITH, CONTROL",
                refused.getMessage());
    }
}
