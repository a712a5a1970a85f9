package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.harness.Topology;
import io.silo.system.identity.IdentityScenarios;
import java.net.URI;
import java.util.List;

/** Identity and access on the MONOLITH topology's two instances, which share sessions through their database. */
@MonolithTopologyTest
class MonolithIdentityIT extends IdentityScenarios {

    @Override
    protected List<URI> controlInstances(Topology topology) {
        return List.of(topology.url("monolith"), topology.url("monolith-2"));
    }
}
