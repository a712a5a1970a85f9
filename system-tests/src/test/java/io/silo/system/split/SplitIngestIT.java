package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.ingest.IngestScenarios;
import java.util.List;

/** SDK ingestion in region eu's own server. */
@SplitTopologyTest
class SplitIngestIT extends IngestScenarios {

    @Override
    protected String regionServer() {
        return "region-eu";
    }

    @Override
    protected List<String> regionInstances() {
        return List.of("region-eu");
    }
}
