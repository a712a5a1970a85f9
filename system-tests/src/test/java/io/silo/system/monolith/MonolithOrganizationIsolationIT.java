package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.OrganizationIsolationScenarios;

/** No organization-scoped endpoint of the monolith answers for another organization. */
@MonolithTopologyTest
class MonolithOrganizationIsolationIT extends OrganizationIsolationScenarios {
}
