package io.silo.region.event.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.silo.common.silo.SiloEntityListener;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.SiloUnavailableException;
import io.silo.common.silo.Silos;
import io.silo.region.issue.model.Issue;
import io.silo.region.organization.model.Organization;
import io.silo.region.project.model.Project;
import io.silo.region.projectkey.model.ProjectKey;
import io.silo.testkit.RegionSiloTest;
import java.lang.reflect.Constructor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The region's customer data refuses to load or be written on a control server: each entity's silo limit, as
 * JPA's entity listener applies it, run in MONOLITH and in REGION mode (where it passes) and on CONTROL (refused).
 */
@RegionSiloTest
class RegionEntitiesSiloLimitTest {

    private static final List<Class<?>> CUSTOMER_DATA = List.of(Event.class, Issue.class, Organization.class,
            Project.class, ProjectKey.class);

    private final SiloEntityListener listener = new SiloEntityListener();

    @Test
    void customerDataLoadsAndIsWrittenInTheRegion(SiloMode mode) throws Exception {
        for (Class<?> type : CUSTOMER_DATA) {
            Object entity = instance(type);
            listener.load(entity);
            listener.persist(entity);
            listener.update(entity);
            listener.remove(entity);
        }
    }

    @Test
    void customerDataNeverLoadsOnAControlServer() throws Exception {
        for (Class<?> type : CUSTOMER_DATA) {
            Object entity = instance(type);
            SiloUnavailableException refused = assertThrows(SiloUnavailableException.class,
                    () -> Silos.runAs(SiloMode.CONTROL, () -> listener.load(entity)));
            assertEquals("Called " + type.getSimpleName() + ".load on a server in CONTROL mode. Available only in: "
                    + "MONOLITH, REGION", refused.getMessage());
        }
    }

    private static Object instance(Class<?> entity) throws ReflectiveOperationException {
        Constructor<?> constructor = entity.getDeclaredConstructor();
        constructor.setAccessible(true);
        return constructor.newInstance();
    }
}
