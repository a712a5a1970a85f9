package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.organization.OrganizationTokenScenarios;

/** Organization tokens minted in control and used through control's gateway and directly on region us or eu. */
@SplitTopologyTest
class SplitOrganizationTokenIT extends OrganizationTokenScenarios {
}
