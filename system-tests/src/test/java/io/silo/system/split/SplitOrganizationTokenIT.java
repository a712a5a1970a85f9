package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.OrganizationTokenScenarios;
import java.util.List;

/** Organization tokens minted in control and used through control's gateway and directly on region us or eu. */
@SplitTopologyTest
class SplitOrganizationTokenIT extends OrganizationTokenScenarios {

    @Override
    protected String controlServer() {
        return "control";
    }

    @Override
    protected String regionServer(String region) {
        return "region-" + region;
    }

    @Override
    protected List<String> regions() {
        return List.of("us", "eu");
    }
}
