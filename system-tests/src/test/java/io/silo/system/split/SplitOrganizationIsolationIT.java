package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.OrganizationIsolationScenarios;

/** No organization-scoped endpoint of region eu answers for another organization. */
@SplitTopologyTest
class SplitOrganizationIsolationIT extends OrganizationIsolationScenarios {
}
