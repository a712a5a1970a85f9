package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.issues.RetentionScenarios;

/** Event retention in region eu. */
@SplitTopologyTest
class SplitRetentionIT extends RetentionScenarios {
}
