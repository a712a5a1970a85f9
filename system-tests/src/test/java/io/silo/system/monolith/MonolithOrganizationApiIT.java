package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.OrganizationApiScenarios;

/** The organization API of the monolith's region, with control in the same process. */
@MonolithTopologyTest
class MonolithOrganizationApiIT extends OrganizationApiScenarios {
}
