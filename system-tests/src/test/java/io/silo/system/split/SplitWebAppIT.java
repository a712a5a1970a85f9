package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.webapp.WebAppScenarios;

/** The web app served by control, every organization page going through control's gateway to region eu. */
@SplitTopologyTest
class SplitWebAppIT extends WebAppScenarios {
}
