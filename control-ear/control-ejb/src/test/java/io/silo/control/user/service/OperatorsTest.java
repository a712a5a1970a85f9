package io.silo.control.user.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.silo.common.auth.Scope;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
