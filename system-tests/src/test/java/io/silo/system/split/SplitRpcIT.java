package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.rpc.RpcScenarios;

/** RPC over HTTP: region us calls control, control calls region eu. */
@SplitTopologyTest
class SplitRpcIT extends RpcScenarios {
}
