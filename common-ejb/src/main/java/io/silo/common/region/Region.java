package io.silo.common.region;

import java.net.URI;

/**
 * One region of the directory.
 *
 * @param id          its number in snowflake ids, 1..31 (0 is control); never changes once ids exist
 * @param address     where control reaches the region's servers
 * @param apiHost     the public API host of the region, e.g. {@code eu.silo.example.com}
 * @param ingestHost  the public host the SDKs send events to, named in the region's DSNs; default the API host
 * @param visible     offered in the organization-creation dropdown
 */
public record Region(String name, int id, URI address, String apiHost, String ingestHost, RegionCategory category,
                     boolean visible) {
}
