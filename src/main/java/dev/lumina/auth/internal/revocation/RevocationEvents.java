package dev.lumina.auth.internal.revocation;

import java.io.Serializable;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * The cache entry listener that keeps a node's local copy up to date. A JCache provider may serialize a
 * listener (Hazelcast ships listener configurations to the other members), so it holds no reference to the
 * copy, only the name under which this class loader keeps it: a copy of the listener on another member finds
 * nothing under that name and does nothing, the original feeds its node's copy.
 */
final class RevocationEvents implements CacheEntryCreatedListener<String, String>, CacheEntryUpdatedListener<String, String>,
        Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, MemoryRevocationStore> COPIES = new ConcurrentHashMap<>();

    private final String copyName;

    private RevocationEvents(String copyName) {
        this.copyName = copyName;
    }

    static RevocationEvents forCopy(MemoryRevocationStore copy) {
        String name = UUID.randomUUID().toString();
        COPIES.put(name, copy);
        return new RevocationEvents(name);
    }

    static void release(RevocationEvents listener) {
        COPIES.remove(listener.copyName);
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
        apply(events);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
        apply(events);
    }

    private void apply(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
        MemoryRevocationStore copy = COPIES.get(copyName);
        if (copy == null) {
            return;
        }
        for (CacheEntryEvent<? extends String, ? extends String> e : events) {
            if (e.getValue() != null) {
                JCacheRevocationStore.apply(copy, e.getKey(), e.getValue());
            }
        }
    }
}
