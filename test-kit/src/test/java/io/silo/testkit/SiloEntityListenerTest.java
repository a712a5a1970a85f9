package io.silo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.silo.common.silo.SiloEntityListener;
import io.silo.common.silo.SiloMode;
import io.silo.common.silo.SiloUnavailableException;
import io.silo.common.silo.Silos;
import io.silo.testkit.fixture.ProjectEntity;
import org.junit.jupiter.api.Test;

/** Loading or writing a region entity on a control server fails; in its own silo and in MONOLITH it passes. */
@RegionSiloTest
class SiloEntityListenerTest {

    private final SiloEntityListener listener = new SiloEntityListener();

    @Test
    void regionEntitiesLoadAndPersistInTheirSilo() {
        listener.load(new ProjectEntity());
        listener.persist(new ProjectEntity());
        listener.update(new ProjectEntity());
        listener.remove(new ProjectEntity());
    }

    @Test
    void aRegionEntityLoadedOnAControlServerFails() {
        SiloUnavailableException refused = assertThrows(SiloUnavailableException.class,
                () -> Silos.runAs(SiloMode.CONTROL, () -> listener.load(new ProjectEntity())));
        assertEquals("Called ProjectEntity.load on a server in CONTROL mode. Available only in: MONOLITH, REGION",
                refused.getMessage());
    }
}
