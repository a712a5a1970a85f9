package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.sentrycli.SentryCliScenarios;

/** sentry-cli against control, the organization in region eu behind control's gateway. */
@SplitTopologyTest
class SplitSentryCliIT extends SentryCliScenarios {
}
