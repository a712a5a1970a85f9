package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.OrganizationCreationScenarios;

/** Organizations created through control in region us or eu, each silo with its own database and broker. */
@SplitTopologyTest
class SplitOrganizationCreationIT extends OrganizationCreationScenarios {
}
