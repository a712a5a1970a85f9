package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.OrganizationTokenScenarios;

/** Organization tokens in the monolith: control verifies them in-process for the region's resources. */
@MonolithTopologyTest
class MonolithOrganizationTokenIT extends OrganizationTokenScenarios {
}
