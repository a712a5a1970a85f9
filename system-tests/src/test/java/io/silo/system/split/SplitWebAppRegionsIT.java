package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.webapp.RegionScenarios;

/** The web app with two regions: the picker across them, and one of them down. */
@SplitTopologyTest
class SplitWebAppRegionsIT extends RegionScenarios {
}
