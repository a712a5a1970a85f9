package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.sentrycli.SentryCliScenarios;

/** sentry-cli against the monolith. */
@MonolithTopologyTest
class MonolithSentryCliIT extends SentryCliScenarios {
}
