package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.ProvisioningScenarios;

/** Organizations provisioned in region eu, with control's directory in its own silo. */
@SplitTopologyTest
class SplitProvisioningIT extends ProvisioningScenarios {
}
