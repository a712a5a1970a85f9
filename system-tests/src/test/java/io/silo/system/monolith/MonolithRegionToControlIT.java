package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.replication.RegionToControlScenarios;

/** Region → control in a MONOLITH: from the region schema's outbox, through the one broker, into the control schema. */
@MonolithTopologyTest
class MonolithRegionToControlIT extends RegionToControlScenarios {
}
