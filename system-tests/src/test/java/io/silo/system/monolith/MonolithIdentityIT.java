package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.identity.IdentityScenarios;

/** Identity and access on the MONOLITH topology's two instances, which share sessions through their database. */
@MonolithTopologyTest
class MonolithIdentityIT extends IdentityScenarios {
}
