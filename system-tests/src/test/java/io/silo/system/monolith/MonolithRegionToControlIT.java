package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.replication.RegionToControlScenarios;

/** Region → control in a MONOLITH: from the region schema's outbox, through the one broker, into the control schema. */
@MonolithTopologyTest
class MonolithRegionToControlIT extends RegionToControlScenarios {

    @Override
    protected String controlServer() {
        return "monolith";
    }

    @Override
    protected String regionServer() {
        return "monolith";
    }

    @Override
    protected String region() {
        return "us";
    }
}
