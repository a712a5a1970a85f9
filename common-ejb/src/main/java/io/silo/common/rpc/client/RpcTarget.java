package io.silo.common.rpc.client;

import java.net.URI;

/**
 * The silo a client calls: {@code control} or a region's name, with the address to reach it, or none when
 * the service is deployed in this very server and is called in-process.
 */
public record RpcTarget(String name, URI address) {

    public static RpcTarget local(String name) {
        return new RpcTarget(name, null);
    }

    public boolean local() {
        return address == null;
    }
}
