package io.silo.common.rpc.dispatch;

import io.silo.common.rpc.RpcSettings;
import io.silo.common.silo.AllSilos;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The nonces of accepted RPC calls, in a JCache cache that Payara keeps in the silo's Hazelcast data grid:
 * every instance of the silo (one cluster per silo) refuses a nonce any of them has seen, without a database
 * round trip on every call (which, measured, cost more than the rest of the RPC layer together). An entry
 * lives twice the allowed clock skew; older timestamps are refused anyway. The grid keeps a backup copy on
 * another instance, so only a restart of a silo's last instance forgets nonces, and then only those of calls
 * signed in the preceding skew window.
 */
@ApplicationScoped
@AllSilos
public class RpcNonces {

    private static final String CACHE = "silo-rpc-nonces";

    @Inject
    RpcSettings settings;

    /** Payara's, on its embedded Hazelcast member ({@code Caching.getCachingProvider()} would start a client). */
    @Inject
    CacheManager manager;

    private Cache<String, Boolean> seen;

    @PostConstruct
    void open() {
        Cache<String, Boolean> cache = manager.getCache(CACHE, String.class, Boolean.class);
        if (cache == null) {
            try {
                cache = manager.createCache(CACHE, new MutableConfiguration<String, Boolean>()
                        .setTypes(String.class, Boolean.class)
                        .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                                new Duration(TimeUnit.SECONDS, settings.maxClockSkew().multipliedBy(2).toSeconds()))));
            } catch (CacheException createdMeanwhile) {
                cache = manager.getCache(CACHE, String.class, Boolean.class);
            }
        }
        seen = cache;
    }

    /** @return false when the nonce was seen before: the call is a replay */
    public boolean firstUse(String nonce) {
        return seen.putIfAbsent(nonce, Boolean.TRUE);
    }
}
