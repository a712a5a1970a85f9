package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.issues.IssuesScenarios;

/** The issues and events API of region eu, its audit entries reaching control in its own silo. */
@SplitTopologyTest
class SplitIssuesIT extends IssuesScenarios {
}
