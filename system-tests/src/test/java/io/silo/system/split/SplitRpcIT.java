package io.silo.system.split;

import io.silo.system.harness.SplitTopologyTest;
import io.silo.system.rpc.RpcScenarios;

/** RPC over HTTP: region us calls control, control calls region eu. */
@SplitTopologyTest
class SplitRpcIT extends RpcScenarios {

    @Override
    protected String controlServer() {
        return "control";
    }

    @Override
    protected String regionCaller() {
        return "region-us";
    }

    @Override
    protected String calledRegion() {
        return "eu";
    }

    @Override
    protected String calledRegionServer() {
        return "region-eu";
    }

    @Override
    protected boolean split() {
        return true;
    }
}
