package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.replication.RegionToControlScenarios;

/** Region us → control, each with its own database and broker. */
@SplitTopologyTest
class SplitRegionToControlIT extends RegionToControlScenarios {

    @Override
    protected String controlServer() {
        return "control";
    }

    @Override
    protected String regionServer() {
        return "region-us";
    }

    @Override
    protected String region() {
        return "us";
    }
}
