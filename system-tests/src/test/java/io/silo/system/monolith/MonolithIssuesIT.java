package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.issues.IssuesScenarios;

/** The issues and events API of the monolith's region. */
@MonolithTopologyTest
class MonolithIssuesIT extends IssuesScenarios {
}
