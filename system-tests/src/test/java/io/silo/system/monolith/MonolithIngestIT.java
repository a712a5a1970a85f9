package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.ingest.IngestScenarios;
import java.util.List;

/** SDK ingestion in the monolith's region, on its two instances (which share one rate-limit count). */
@MonolithTopologyTest
class MonolithIngestIT extends IngestScenarios {

    @Override
    protected String regionServer() {
        return "monolith";
    }

    @Override
    protected List<String> regionInstances() {
        return List.of("monolith", "monolith-2");
    }
}
