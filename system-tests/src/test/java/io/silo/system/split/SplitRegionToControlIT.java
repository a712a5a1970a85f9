package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.replication.RegionToControlScenarios;

/** Region eu → control, each with its own database and broker. */
@SplitTopologyTest
class SplitRegionToControlIT extends RegionToControlScenarios {
}
