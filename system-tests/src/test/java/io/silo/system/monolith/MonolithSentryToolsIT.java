package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.sentrytools.SentryToolsScenarios;

/** sentry-cli and the Java SDK against the monolith. */
@MonolithTopologyTest
class MonolithSentryToolsIT extends SentryToolsScenarios {
}
