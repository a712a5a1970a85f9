package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.webapp.AdminConsoleScenarios;

/** The operators' pages over control, us and eu. */
@SplitTopologyTest
class SplitAdminConsoleIT extends AdminConsoleScenarios {
}
