package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.OrganizationCreationScenarios;
import java.util.List;

/** Organizations created through control in region us or eu, each silo with its own database and broker. */
@SplitTopologyTest
class SplitOrganizationCreationIT extends OrganizationCreationScenarios {

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

    @Override
    protected boolean gateway() {
        return true;
    }
}
