package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.organization.ProvisioningScenarios;

/** Organizations provisioned in the monolith's region, with control's directory in the same process. */
@MonolithTopologyTest
class MonolithProvisioningIT extends ProvisioningScenarios {
}
