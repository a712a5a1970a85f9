package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.sentrytools.SentryToolsScenarios;

/** sentry-cli and the Java SDK against control and region eu, the organization in eu behind control's gateway. */
@SplitTopologyTest
class SplitSentryToolsIT extends SentryToolsScenarios {
}
