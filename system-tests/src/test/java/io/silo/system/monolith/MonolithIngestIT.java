package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.ingest.IngestScenarios;

/** SDK ingestion in the monolith's region, on its two instances (which share one rate-limit count). */
@MonolithTopologyTest
class MonolithIngestIT extends IngestScenarios {
}
