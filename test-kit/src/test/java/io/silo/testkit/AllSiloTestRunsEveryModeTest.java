package io.silo.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.silo.common.silo.SiloMode;
import io.silo.common.silo.Silos;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** @AllSiloTest runs the class in each mode, and the thread really is in that mode during the test. */
@AllSiloTest
class AllSiloTestRunsEveryModeTest {

    private static final List<SiloMode> SEEN = new ArrayList<>();

    @Test
    void theTestRunsInTheModeItIsGiven(SiloMode mode) {
        assertEquals(mode, Silos.currentMode());
        SEEN.add(mode);
    }

    @AfterAll
    static void everyModeRanOnce() {
        // runs after each class-template invocation; by the last one all modes were seen, in order
        assertEquals(SiloModeTemplates.modes(AllSiloTestRunsEveryModeTest.class).subList(0, SEEN.size()), SEEN);
    }
}
