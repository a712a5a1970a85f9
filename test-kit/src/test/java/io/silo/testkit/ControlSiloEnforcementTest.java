package io.silo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.silo.common.silo.ControlSiloInterceptor;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.SiloUnavailableException;
import io.silo.common.silo.Silos;
import io.silo.testkit.fixture.UserRepository;
import org.junit.jupiter.api.Test;

/** The interceptor bound to @ControlSilo beans, driven around a real call. */
@ControlSiloTest
class ControlSiloEnforcementTest {

    private final ControlSiloInterceptor interceptor = new ControlSiloInterceptor();

    @Test
    void aControlServiceAnswersInItsOwnSiloAndInMonolith(SiloMode mode) throws Exception {
        assertEquals("user:a@example.com",
                interceptor.enforce(new ReflectiveInvocation(new UserRepository(), "findByEmail", "a@example.com")), mode.name());
    }

    @Test
    void aControlServiceCalledInRegionModeFailsNamingClassMethodModeAndWhereItLives() {
        SiloUnavailableException refused = assertThrows(SiloUnavailableException.class, () -> Silos.runAs(SiloMode.REGION,
                () -> interceptor.enforce(new ReflectiveInvocation(new UserRepository(), "findByEmail", "a@example.com"))));
        assertEquals("Called UserRepository.findByEmail on a server in REGION mode. Available only in: MONOLITH, CONTROL",
                refused.getMessage());
    }
}
