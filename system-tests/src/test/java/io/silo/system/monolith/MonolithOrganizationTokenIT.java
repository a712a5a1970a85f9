package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.OrganizationTokenScenarios;
import java.util.List;

/** Organization tokens in the monolith: control verifies them in-process for the region's resources. */
@MonolithTopologyTest
class MonolithOrganizationTokenIT extends OrganizationTokenScenarios {

    @Override
    protected String controlServer() {
        return "monolith";
    }

    @Override
    protected String regionServer(String region) {
        return "monolith";
    }

    @Override
    protected List<String> regions() {
        return List.of("us");
    }
}
