package dev.lumina.auth.internal.revocation;

import dev.lumina.auth.spi.RevocationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link RevocationStore}: this node's memory. Bounded by time: an entry is forgotten after its
 * {@code keepUntil} (checked on every read; expired entries are swept at most once a minute, on a write), by when every session it could match has
 * expired. Also the local copy behind {@link JCacheRevocationStore}, which feeds it the cluster's entries.
 */
public final class MemoryRevocationStore implements RevocationStore {
    /** When a session is revoked up to, and how long the entry is needed. */
    record Entry(long upTo, long keepUntil) {
        Entry later(Entry other) {
            return new Entry(Math.max(upTo, other.upTo), Math.max(keepUntil, other.keepUntil));
        }
    }

    private final Map<String, Entry> revoked = new ConcurrentHashMap<>();
    private final Map<String, Long> oneTime = new ConcurrentHashMap<>();
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;
    private final Clock clock;
    private volatile long nextSweep;

    public MemoryRevocationStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void revoke(String key, Instant upTo, Instant keepUntil) {
        merge(key, new Entry(upTo.toEpochMilli(), keepUntil.toEpochMilli()));
    }

    /** Keeps the later of what is known and {@code entry} (events may arrive in any order). */
    void merge(String key, Entry entry) {
        long now = clock.millis();
        if (entry.keepUntil() <= now) {
            return;
        }
        revoked.merge(key, entry, Entry::later);
        sweep(now);
    }

    @Override
    public Optional<Instant> revokedUpTo(String key) {
        Entry e = revoked.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.keepUntil() <= clock.millis()) {
            revoked.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(e.upTo()));
    }

    @Override
    public boolean isEmpty() {
        return revoked.isEmpty();
    }

    @Override
    public boolean addIfAbsent(String key, Instant keepUntil) {
        long now = clock.millis();
        sweep(now);
        long until = keepUntil.toEpochMilli();
        Long known = oneTime.putIfAbsent(key, until);
        if (known == null) {
            return true;
        }
        // an expired record does not count: replace it, atomically, only if still the expired one
        return known <= now && oneTime.replace(key, known, until);
    }

    /** Entries kept (expired ones may linger until the next write). */
    int size() {
        return revoked.size() + oneTime.size();
    }

    /** Drops expired entries, at most once a minute: a sweep walks every entry. */
    private void sweep(long now) {
        if (now < nextSweep) {
            return;
        }
        nextSweep = now + SWEEP_INTERVAL_MILLIS;
        revoked.values().removeIf(e -> e.keepUntil() <= now);
        oneTime.values().removeIf(until -> until <= now);
    }
}
