package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.webapp.WebAppScenarios;

/** The same web app and journey in a monolith, which serves the pages and the API in one process. */
@MonolithTopologyTest
class MonolithWebAppIT extends WebAppScenarios {
}
