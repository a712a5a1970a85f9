package io.silo.system.monolith;

import io.silo.system.harness.MonolithTopologyTest;
import io.silo.system.rpc.RpcScenarios;

/** The same calls in a MONOLITH, in-process; its second instance plays the calling region. */
@MonolithTopologyTest
class MonolithRpcIT extends RpcScenarios {

    @Override
    protected String controlServer() {
        return "monolith";
    }

    @Override
    protected String regionCaller() {
        return "monolith-2";
    }

    @Override
    protected String calledRegion() {
        return "us";
    }

    @Override
    protected String calledRegionServer() {
        return "monolith";
    }

    @Override
    protected boolean split() {
        return false;
    }
}
