package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.rpc.RpcScenarios;

/** The same calls in a MONOLITH, in-process; its second instance plays the calling region. */
@MonolithTopologyTest
class MonolithRpcIT extends RpcScenarios {
}
