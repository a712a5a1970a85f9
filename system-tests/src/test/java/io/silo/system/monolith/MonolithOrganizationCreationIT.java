package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.OrganizationCreationScenarios;
import java.util.List;

/** Organizations created in the monolith's one region, control and region in the same process. */
@MonolithTopologyTest
class MonolithOrganizationCreationIT extends OrganizationCreationScenarios {

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

    @Override
    protected boolean gateway() {
        return false;
    }
}
