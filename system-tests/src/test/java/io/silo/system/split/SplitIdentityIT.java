package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.harness.Topology;
import io.silo.system.identity.IdentityScenarios;
import java.net.URI;
import java.util.List;

/** Identity and access on the split topology's control silo. */
@SplitTopologyTest
class SplitIdentityIT extends IdentityScenarios {

    @Override
    protected List<URI> controlInstances(Topology topology) {
        return List.of(topology.url("control"));
    }
}
