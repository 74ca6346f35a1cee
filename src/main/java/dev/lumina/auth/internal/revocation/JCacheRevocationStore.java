package dev.lumina.auth.internal.revocation;

import dev.lumina.auth.config.RevocationConfig;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.spi.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * The cluster's {@link RevocationStore} on any JCache (JSR-107) provider: Hazelcast (Payara's own), Infinispan
 * (WildFly), or another.
 *
 * <p>Why a local copy kept by entry events, not a near cache: the check runs on every request, for session ids
 * that were (nearly) never revoked. A near cache holds what was read before, so every new session id would miss
 * it and go to the network, on the request path. Entry listeners instead push every revocation to every node,
 * into a {@link MemoryRevocationStore} that answers every check from memory, hits and misses alike; JCache has
 * no standard near cache anyway. On start a node registers its listener, then loads the entries already there.
 * Writes (a revocation, a logout token's {@code jti}) do go to the cache, off the request path.
 *
 * <p>Values are plain strings ({@code upTo:keepUntil} in epoch milliseconds, {@code once:keepUntil} for one-time
 * keys), so no class of Lumina has to be deserialized by the cache's members. A cache Lumina creates expires
 * entries {@code keep} after their last write ({@link ModifiedExpiryPolicy}); entries of a cache configured
 * without expiry are removed by the next node that starts after their {@code keepUntil}.
 */
public final class JCacheRevocationStore implements RevocationStore, AutoCloseable {
    private static final LuminaLog LOG = LuminaLog.of(JCacheRevocationStore.class);
    private static final String ONCE = "once:";
    private static final int MAX_RACES = 16;

    private final Cache<String, String> cache;
    private final MemoryRevocationStore local;
    private final RevocationEvents listener;
    private final MutableCacheEntryListenerConfiguration<String, String> registration;
    private final Clock clock;

    private JCacheRevocationStore(Cache<String, String> cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
        this.local = new MemoryRevocationStore(clock);
        this.listener = RevocationEvents.forCopy(local);
        this.registration = new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(listener), null, false, false);
    }

    /** Opens (or creates) the configured cache, starts listening, then loads what the cluster already has. */
    public static JCacheRevocationStore open(RevocationConfig config, Duration keep, Clock clock) {
        CachingProvider provider = config.jcacheProvider() == null ? Caching.getCachingProvider()
                : Caching.getCachingProvider(config.jcacheProvider());
        CacheManager manager = config.jcacheUri() == null ? provider.getCacheManager()
                : provider.getCacheManager(config.jcacheUri(), provider.getDefaultClassLoader());
        JCacheRevocationStore store = new JCacheRevocationStore(cache(manager, config.cacheName(), keep), clock);
        store.start();
        LOG.log(LogMessage.REVOCATION_JCACHE_OPENED, config.cacheName(), provider.getClass().getName(), store.local.size());
        return store;
    }

    @SuppressWarnings("unchecked")
    private static Cache<String, String> cache(CacheManager manager, String name, Duration keep) {
        Cache<?, ?> cache = manager.getCache(name);
        if (cache == null) {
            MutableConfiguration<String, String> c = new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class).setStoreByValue(true)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, keep.toSeconds() + 1)));
            try {
                cache = manager.createCache(name, c);
            } catch (CacheException e) {
                cache = manager.getCache(name); // another node created it meanwhile
                if (cache == null) {
                    throw e;
                }
            }
        }
        return (Cache<String, String>) cache;
    }

    private void start() {
        cache.registerCacheEntryListener(registration);
        long now = clock.millis();
        for (Cache.Entry<String, String> e : cache) {
            long keepUntil = apply(e.getKey(), e.getValue());
            if (keepUntil >= 0 && keepUntil <= now) {
                cache.remove(e.getKey(), e.getValue()); // for caches configured without expiry
            }
        }
    }

    /** Feeds one cache entry to the local copy; its keepUntil, or -1 when it cannot be read. */
    long apply(String key, String value) {
        return apply(local, key, value);
    }

    static long apply(MemoryRevocationStore copy, String key, String value) {
        try {
            if (value.startsWith(ONCE)) {
                return Long.parseLong(value.substring(ONCE.length()));
            }
            MemoryRevocationStore.Entry e = decode(value);
            copy.merge(key, e);
            return e.keepUntil();
        } catch (RuntimeException e) {
            LOG.log(LogMessage.REVOCATION_ENTRY_UNREADABLE, key.length() > 80 ? key.substring(0, 80) : key);
            return -1;
        }
    }

    @Override
    public void revoke(String key, Instant upTo, Instant keepUntil) {
        MemoryRevocationStore.Entry wanted = new MemoryRevocationStore.Entry(upTo.toEpochMilli(), keepUntil.toEpochMilli());
        // the later upTo wins on every node: compare-and-set, retried when another node wrote meanwhile
        for (int i = 0; i < MAX_RACES; i++) {
            String old = cache.get(key);
            if (old == null || old.startsWith(ONCE)) {
                if (old == null ? cache.putIfAbsent(key, encode(wanted)) : cache.replace(key, old, encode(wanted))) {
                    break;
                }
                continue;
            }
            MemoryRevocationStore.Entry merged = decode(old).later(wanted);
            if (encode(merged).equals(old) || cache.replace(key, old, encode(merged))) {
                break;
            }
        }
        local.merge(key, wanted); // this node knows at once, whatever the events do
    }

    /** From the local copy: no network call. */
    @Override
    public Optional<Instant> revokedUpTo(String key) {
        return local.revokedUpTo(key);
    }

    @Override
    public boolean isEmpty() {
        return local.isEmpty();
    }

    /** Atomic across the cluster ({@code putIfAbsent}); called for logout tokens, never on the request path. */
    @Override
    public boolean addIfAbsent(String key, Instant keepUntil) {
        String value = ONCE + keepUntil.toEpochMilli();
        if (cache.putIfAbsent(key, value)) {
            return true;
        }
        String old = cache.get(key);
        // a record past its keepUntil that the cache has not expired yet does not count
        return old != null && old.startsWith(ONCE) && Long.parseLong(old.substring(ONCE.length())) <= clock.millis()
                && cache.replace(key, old, value);
    }

    /** Stops listening; the cache and its manager belong to the server or the application. */
    @Override
    public void close() {
        try {
            cache.deregisterCacheEntryListener(registration);
        } catch (RuntimeException e) {
            // the cache may be closed already (server shutdown)
        } finally {
            RevocationEvents.release(listener);
        }
    }

    static String encode(MemoryRevocationStore.Entry e) {
        return e.upTo() + ":" + e.keepUntil();
    }

    static MemoryRevocationStore.Entry decode(String value) {
        int colon = value.indexOf(':');
        return new MemoryRevocationStore.Entry(Long.parseLong(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1)));
    }
}
