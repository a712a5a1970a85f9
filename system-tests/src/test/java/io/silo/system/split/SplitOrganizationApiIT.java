package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.OrganizationApiScenarios;

/** The organization API of region eu, served by the region's own server, with control in its own silo. */
@SplitTopologyTest
class SplitOrganizationApiIT extends OrganizationApiScenarios {
}
