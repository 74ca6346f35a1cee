package dev.lumina.auth.internal.session;

import dev.lumina.auth.Session;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Session tokens this node has already verified, so that the cookie a browser sends on every request costs a
 * map lookup instead of a signature check (or a decryption) and a JSON parse.
 *
 * <p>Why it is safe:
 * <ul>
 * <li>An entry is made only after a token passed every check, and it is found only by the exact same token
 *     string: a forged, altered or re-encoded cookie (even one that decodes to the same bytes) is never found
 *     and never stored, so it can neither poison nor evict anything.</li>
 * <li>Expiry is checked on every hit with the same rule as the verifier ({@code now < exp + skew}); an
 *     expired entry is dropped and the token verified again, which then fails.</li>
 * <li>The cache belongs to one codec, which belongs to one key ring: a node started with other secrets starts
 *     with an empty cache. Checks made after decoding (the absolute lifetime, revocation) run on every request
 *     whatever the cache says.</li>
 * <li>It is bounded ({@link #CAPACITY} entries, about 1.2 KB each for a typical HS256 session); when full, the
 *     entry put longest ago makes room (a ring of the tokens in the order they were put), so only valid tokens
 *     compete for places and a miss costs one verification. The ring makes eviction O(1): taking "any" key from
 *     the map's iterator had cost a scan of its emptied buckets, most of a first verification's time.</li>
 * <li>The map's hash of a token is taken over its last {@value #HASHED} characters only: the MAC of a JWS or the
 *     tag of a JWE, which differ from token to token; hashing the whole string was a tenth of what a signed-in
 *     request cost Lumina, because every request brings a new String whose hash is not cached. A match is still
 *     the whole string, so the hash chooses a bucket and nothing else; tokens that share an ending can only be
 *     made with the key, and only verified tokens are ever put.</li>
 * </ul>
 */
final class VerifiedSessions {
    /** How many trailing characters of a token its map key hashes: the 22 of a JWE tag (a JWS MAC has 43). */
    static final int HASHED = 22;

    /** Entries kept at most: about 5 MB with typical tokens. */
    static final int CAPACITY = 4096;

    private final Map<Key, Session> byToken = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<Key> ring;
    private final AtomicInteger next = new AtomicInteger();
    private final int capacity;
    private final Duration skew;
    private final Clock clock;

    VerifiedSessions(int capacity, Duration skew, Clock clock) {
        this.capacity = capacity;
        this.ring = new AtomicReferenceArray<>(Math.max(capacity, 1));
        this.skew = skew;
        this.clock = clock;
    }

    /** The session of a token verified before and not expired since; {@code null} otherwise. */
    Session get(String token) {
        Key key = Key.of(token);
        Session s = byToken.get(key);
        if (s == null) {
            return null;
        }
        if (!clock.instant().isBefore(s.expiresAt().plus(skew))) {
            byToken.remove(key, s);
            return null;
        }
        return s;
    }

    /** Keeps a session whose token has just passed every check. */
    void put(String token, Session session) {
        if (capacity <= 0 || session.expiresAt() == null) {
            return;
        }
        // the slot's former token leaves the map (it may have gone already, or be there again from a later
        // put: then that entry goes early, which costs one verification, never a wrong answer)
        Key key = Key.of(token);
        Key former = ring.getAndSet(Math.floorMod(next.getAndIncrement(), capacity), key);
        if (former != null) {
            byToken.remove(former);
        }
        byToken.put(key, session);
    }

    /**
     * A token as a map key: equal only to the same string (the hash follows from it); hashed over its ending only
     * (see the class comment).
     */
    private record Key(String token, int hash) {
        static Key of(String token) {
            int h = 0;
            for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            return new Key(token, h);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    int capacity() {
        return Math.max(capacity, 0);
    }

    int size() {
        return byToken.size();
    }
}
