package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.ingest.IngestScenarios;

/** SDK ingestion in region eu's own server. */
@SplitTopologyTest
class SplitIngestIT extends IngestScenarios {
}
