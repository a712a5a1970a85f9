package io.silo.common.rpc.dispatch;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.silo.common.rpc.RpcSettings;
import io.silo.common.silo.AllSilos;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;

/**
 * The nonces of accepted RPC calls, refused a second time by every instance of the silo. Each instance keeps the
 * nonces it accepted in memory; once the silo has more than one instance (one Hazelcast cluster per silo), every
 * nonce is also claimed in a JCache cache that Payara keeps in the silo's data grid, so an instance refuses a nonce
 * any of them has seen. A silo of one instance, the usual deployment, does not ask the grid: a grid operation runs on
 * one of Hazelcast's partition threads, and handing the request thread's call to it and back cost about a quarter of
 * an RPC round trip on an idle machine (measured). When a second instance joins, this one first copies the nonces it
 * holds into the grid — long before the newcomer's application serves calls — and from then on asks the grid too.
 * <p>
 * An entry lives twice the allowed clock skew; older timestamps are refused anyway. The memory is bounded by that
 * time, not by a count: a nonce forgotten before its time would let a replay through. The grid keeps a backup copy on
 * another instance, so only a restart of a silo's last instance forgets nonces, and then only those of calls
 * signed in the preceding skew window.
 */
@ApplicationScoped
@AllSilos
public class RpcNonces {

    private static final Logger LOG = Logger.getLogger(RpcNonces.class.getName());
    private static final String CACHE = "silo-rpc-nonces";
    private static final long LOOK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Inject
    RpcSettings settings;

    /** Payara's, on its embedded Hazelcast member ({@code Caching.getCachingProvider()} would start a client). */
    @Inject
    CacheManager manager;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance grid;

    /** This instance's accepted nonces, each forgotten once its lifetime passed. */
    private Map<String, Boolean> accepted;
    private final AtomicLong nextLook = new AtomicLong(System.nanoTime());
    private Cache<String, Boolean> shared;
    private volatile boolean alone;
    private UUID membership;

    @PostConstruct
    void open() {
        // maintenance on the caller's thread: no work handed to threads the container does not manage
        accepted = Caffeine.newBuilder().expireAfterWrite(settings.maxClockSkew().multipliedBy(2))
                .executor(Runnable::run).<String, Boolean>build().asMap();
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
        shared = cache;
        alone = true;
        membership = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                shareWhenNotAlone();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // once shared, always shared: the nonces the departed instance accepted are in the grid only
            }
        });
        shareWhenNotAlone();
    }

    /** The data grid outlives the application: an undeployed one must not stay registered with it. */
    @PreDestroy
    void close() {
        grid.getCluster().removeMembershipListener(membership);
    }

    /** @return false when the nonce was seen before: the call is a replay */
    public boolean firstUse(String nonce) {
        if (accepted.putIfAbsent(nonce, Boolean.TRUE) != null) {
            return false;
        }
        lookForOtherInstancesNowAndThen();
        // read after the put above: an instance that stops being alone copies the nonces it holds only after
        // saying so, so a nonce accepted here while alone is either copied or claimed below
        return alone || shared.putIfAbsent(nonce, Boolean.TRUE);
    }

    /** At most once a second, one caller looks whether the silo grew without telling (a merge after a split). */
    private void lookForOtherInstancesNowAndThen() {
        long now = System.nanoTime();
        long due = nextLook.get();
        if (now - due < 0 || !nextLook.compareAndSet(due, now + LOOK_EVERY_NANOS)) {
            return;
        }
        shareWhenNotAlone();
    }

    private synchronized void shareWhenNotAlone() {
        if (!alone || grid.getCluster().getMembers().size() < 2) {
            return;
        }
        alone = false;
        accepted.keySet().forEach(nonce -> shared.putIfAbsent(nonce, Boolean.TRUE));
        LOG.info("RPC nonces are now claimed in the data grid: this silo has more than one instance");
    }
}
