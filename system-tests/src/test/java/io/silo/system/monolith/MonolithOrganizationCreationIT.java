package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.OrganizationCreationScenarios;

/** Organizations created in the monolith's one region, control and region in the same process. */
@MonolithTopologyTest
class MonolithOrganizationCreationIT extends OrganizationCreationScenarios {
}
