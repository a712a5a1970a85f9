package io.silo.control.identity.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.silo.common.auth.ApiPrincipal;
import io.silo.common.persistence.DatabaseOutage;
import io.silo.common.silo.ControlSilo;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tokens this instance verified and profiles it read recently, so that an authenticated API request costs
 * no database lookup. A revocation or an account change evicts the entries here and, through a topic on
 * the silo's broker, on every other control instance at once; an entry also lapses after
 * {@code silo.auth.cache-ttl} and a token's never outlives the token's own expiry. While this instance is
 * not subscribed to the topic (broker down) it cannot hear evictions, so it caches nothing and every
 * request goes to the database: slower, never wrong. While the database cannot be reached, an entry past its TTL
 * still answers for up to {@code silo.auth.outage-grace}, never past the token's expiry and never after an eviction
 * (see {@link #token(String, Supplier)}). Each of the two caches holds at most {@value #MAX_ENTRIES}
 * entries and forgets the least used one at a time beyond that. A plain CDI bean rather than an EJB: it sits on the path
 * of every API request, where a container call per lookup would cost more than the lookup.
 */
@ApplicationScoped
@ControlSilo
public class IdentityCache {

    static final String EVICTIONS_TOPIC = "silo.control.identity-evictions";
    private static final Logger LOG = Logger.getLogger(IdentityCache.class.getName());
    private static final int MAX_ENTRIES = 100_000;
    private static final String TOKEN = "token:";
    private static final String USER = "user:";

    @Inject
    ConnectionFactory broker;

    @Inject
    @ConfigProperty(name = "silo.auth.cache-ttl", defaultValue = "PT30S")
    Duration timeToLive;

    /** How long past its TTL an entry still answers while the database cannot be reached. */
    @Inject
    @ConfigProperty(name = "silo.auth.outage-grace", defaultValue = "PT15M")
    Duration outageGrace;

    /** By token hash; each entry lapses at the TTL or at the token's own expiry, whichever comes first. */
    private Cache<String, Entry<ApiPrincipal>> tokens;
    private Cache<Long, Entry<UserProfile>> profiles;
    private volatile JMSContext subscription;
    /** Announces evictions on the subscription's connection; set and cleared with it. */
    private volatile Announcer announcer;
    private volatile long lastAttemptNanos;

    /**
     * @param freshUntilNanos until when it answers as any lookup's ({@link System#nanoTime()}); after that only while
     *                        the database is away, until its lifetime ends
     */
    private record Entry<T>(T value, long freshUntilNanos, Duration lifetime) {

        boolean isFresh() {
            return System.nanoTime() - freshUntilNanos < 0;
        }
    }

    @PostConstruct
    void createCaches() {
        tokens = newCache();
        profiles = newCache();
    }

    /** Maintenance runs on the caller's thread: no work handed to threads the container does not manage. */
    private static <K, T> Cache<K, Entry<T>> newCache() {
        return Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
                .expireAfter(Expiry.<K, Entry<T>>writing((key, entry) -> entry.lifetime()))
                .executor(Runnable::run).build();
    }

    /**
     * One session, topic and producer kept for every announcement: opening them per change cost four blocking broker
     * round trips on the request thread of every rename, revocation and deactivation. Evictions are non-persistent,
     * so a send does not wait for the broker: the topic's subscriptions are not durable (an instance that was away
     * cached nothing meanwhile) and the other instances hear of it asynchronously either way. A JMS session serves
     * one thread at a time, so sends take turns.
     */
    private record Announcer(JMSContext session, Topic topic, JMSProducer producer) {

        static Announcer on(JMSContext connection) {
            JMSContext session = connection.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            try {
                return new Announcer(session, session.createTopic(EVICTIONS_TOPIC),
                        session.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT));
            } catch (JMSRuntimeException e) {
                session.close();
                throw e;
            }
        }

        synchronized void announce(String key) {
            producer.send(topic, key);
        }

        void close() {
            try {
                session.close();
            } catch (JMSRuntimeException e) {
                LOG.log(Level.FINE, "Closing the eviction announcer", e);
            }
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        subscribe();
    }

    /** The principal of a token (by its SHA-256) verified recently, if still valid. */
    public Optional<ApiPrincipal> token(String tokenHash) {
        return valid(tokens, tokenHash);
    }

    /**
     * The token's principal: from the cache, else from {@code authenticate} (the database); while the database cannot
     * be reached, from an entry past its TTL but within {@code silo.auth.outage-grace} (15 minutes) and the token's
     * own expiry. A revocation the broker announced has evicted it; without the broker nothing is cached at all.
     */
    public Optional<ApiPrincipal> token(String tokenHash, Supplier<Optional<ApiPrincipal>> authenticate) {
        Optional<ApiPrincipal> cached = token(tokenHash);
        return cached.isPresent() ? cached : duringOutage(tokens, tokenHash, authenticate);
    }

    /** Remembers a token just verified against the database, until the TTL or its own expiry. */
    public void putToken(String tokenHash, ApiPrincipal principal, Optional<OffsetDateTime> tokenExpiry) {
        put(tokens, tokenHash, principal, tokenExpiry);
    }

    public Optional<UserProfile> profile(long userId) {
        return valid(profiles, userId);
    }

    /** The account's profile as {@link #token(String, Supplier)} finds a token's principal. */
    public UserProfile profile(long userId, Supplier<UserProfile> load) {
        Optional<UserProfile> cached = profile(userId);
        return cached.isPresent() ? cached.get()
                : duringOutage(profiles, userId, () -> Optional.of(load.get())).orElseThrow();
    }

    private static <K, T> Optional<T> duringOutage(Cache<K, Entry<T>> cache, K key, Supplier<Optional<T>> load) {
        try {
            return load.get();
        } catch (RuntimeException failure) {
            Entry<T> kept = DatabaseOutage.isOutage(failure) ? cache.getIfPresent(key) : null;
            if (kept == null) {
                throw failure;
            }
            return Optional.of(kept.value());
        }
    }

    public void putProfile(UserProfile profile) {
        put(profiles, profile.id(), profile, Optional.empty());
    }

    /** After the revoking transaction commits: evict here and on every other instance. */
    public void tokenRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevoked revoked) {
        evictEverywhere(TOKEN + revoked.tokenHash());
    }

    /** After an account change commits: its profile and every token acting for it are re-read. */
    public void userChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserChanged changed) {
        evictEverywhere(USER + changed.userId());
    }

    private static <K, T> Optional<T> valid(Cache<K, Entry<T>> cache, K key) {
        return Optional.ofNullable(cache.getIfPresent(key)).filter(Entry::isFresh).map(Entry::value);
    }

    private <K, T> void put(Cache<K, Entry<T>> cache, K key, T value, Optional<OffsetDateTime> expiry) {
        if (subscription == null) {
            resubscribe();
        }
        if (subscription == null || timeToLive.isZero()) {
            return;
        }
        Optional<Duration> untilExpiry = expiry.map(until -> Duration.between(OffsetDateTime.now(ZoneOffset.UTC), until));
        Duration fresh = untilExpiry.filter(left -> left.compareTo(timeToLive) < 0).orElse(timeToLive);
        Duration kept = untilExpiry.filter(left -> left.compareTo(timeToLive.plus(outageGrace)) < 0)
                .orElse(timeToLive.plus(outageGrace));
        if (!fresh.isNegative() && !fresh.isZero()) {
            cache.put(key, new Entry<>(value, System.nanoTime() + fresh.toNanos(), kept));
        }
    }

    private void evictLocally(String key) {
        if (key.startsWith(TOKEN)) {
            tokens.invalidate(key.substring(TOKEN.length()));
        } else if (key.startsWith(USER)) {
            long userId = Long.parseLong(key.substring(USER.length()));
            profiles.invalidate(userId);
            tokens.asMap().values().removeIf(entry -> entry.value().userId().equals(Optional.of(userId)));
        }
    }

    private void evictEverywhere(String key) {
        evictLocally(key);
        Announcer current = announcer;
        try {
            if (current == null) {
                throw new JMSRuntimeException("not connected to the broker");
            }
            current.announce(key);
        } catch (JMSRuntimeException e) {
            // an instance that cannot hear the topic caches nothing; the others drop the entry at its TTL
            LOG.log(Level.WARNING, "Could not announce a revocation or account change to the other control "
                    + "instances; they drop what they cached within " + timeToLive, e);
        }
    }

    /** Without a subscription, tries again at most every 10 seconds, when something would be cached. */
    private void resubscribe() {
        long now = System.nanoTime();
        if (now - lastAttemptNanos > 10_000_000_000L) {
            lastAttemptNanos = now;
            subscribe();
        }
    }

    private synchronized void subscribe() {
        if (subscription != null) {
            return;
        }
        lastAttemptNanos = System.nanoTime();
        try {
            JMSContext context = broker.createContext(JMSContext.AUTO_ACKNOWLEDGE);
            context.setExceptionListener(this::lost);
            context.createConsumer(context.createTopic(EVICTIONS_TOPIC)).setMessageListener(message -> {
                try {
                    evictLocally(message.getBody(String.class));
                } catch (JMSException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Unreadable identity eviction", e);
                }
            });
            announcer = Announcer.on(context);
            subscription = context;
            LOG.info("Listening for identity evictions; tokens and profiles are cached for " + timeToLive);
        } catch (JMSRuntimeException e) {
            LOG.log(Level.WARNING, "Broker unreachable: nothing is cached until it is back", e);
        }
    }

    private synchronized void lost(JMSException cause) {
        LOG.log(Level.WARNING, "Lost the broker: nothing is cached until it is back", cause);
        JMSContext context = subscription;
        Announcer lostAnnouncer = announcer;
        subscription = null;
        announcer = null;
        tokens.invalidateAll();
        profiles.invalidateAll();
        if (lostAnnouncer != null) {
            lostAnnouncer.close();
        }
        if (context != null) {
            try {
                context.close();
            } catch (JMSRuntimeException e) {
                LOG.log(Level.FINE, "Closing the lost broker connection", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        JMSContext context = subscription;
        Announcer stopped = announcer;
        subscription = null;
        announcer = null;
        if (stopped != null) {
            stopped.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
