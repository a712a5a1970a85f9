package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.identity.IdentityScenarios;

/** Identity and access on the split topology's control silo. */
@SplitTopologyTest
class SplitIdentityIT extends IdentityScenarios {
}
