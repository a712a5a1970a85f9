package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.issues.RetentionScenarios;

/** Event retention in the monolith's region. */
@MonolithTopologyTest
class MonolithRetentionIT extends RetentionScenarios {
}
