package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Providers' signing keys (JWKS), kept per {@code jwks_uri}, all time read from the injected {@link Clock}.
 * <ul>
 * <li><b>Lifetime.</b> A fetched set is trusted for the {@code Cache-Control: max-age} of its answer, within
 * [{@link #MIN_LIFETIME}, {@code lumina.auth.jwks.max-age}] (the configured maximum without a max-age), then
 * fetched again: a key the provider removed stops being trusted.</li>
 * <li><b>Unknown kid (S40).</b> A token whose {@code kid} is not in the kept set causes one fetch, and at most
 * one per cooldown whatever the number of such tokens: a provider that rotated its keys is followed at once,
 * an attacker's made-up {@code kid} cannot make Lumina hammer it.</li>
 * <li><b>Failed fetch.</b> It is remembered for {@link #FAILURE_TTL}: meanwhile sign-ins answer at once from
 * what is known instead of each waiting through the timeouts, and no fetch is tried. Likewise a sign-in that
 * finds another one fetching the same JWKS answers from what is known, when something is.</li>
 * <li><b>Stale keys (decision).</b> When a set past its lifetime cannot be fetched again, the previous keys are
 * still used, for at most the configured maximum again after their lifetime ended (so never more than twice
 * the maximum after they were fetched), with a warning; after that sign-ins fail with
 * {@code provider_unavailable} until the JWKS answers. Why: a provider whose JWKS is briefly down (or a network
 * blip) must not stop every sign-in while its ID tokens are still signed with the keys Lumina holds, and a
 * removed key is dropped at the first fetch that succeeds; the price, bounded by the grace, is that an
 * attacker who holds a removed key and can also keep Lumina from reaching the JWKS is trusted a little
 * longer.</li>
 * </ul>
 */
public final class JwksCache {
    /** The shortest a fetched set is kept, whatever its answer says ({@code no-store}, {@code max-age=0}...). */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    /** How long a failed fetch is remembered before one is tried again. */
    static final Duration FAILURE_TTL = Duration.ofSeconds(5);
    private static final LuminaLog LOG = LuminaLog.of(JwksCache.class);

    private final OutboundHttp http;
    private final Duration cooldown;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<URI, Entry> cache = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    /** One lock per JWKS: a provider that stalls never holds up another one's keys. */
    private final Map<URI, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * What is known of one JWKS; immutable, replaced whole.
     *
     * @param keys       the last set fetched; {@code null} while none is usable
     * @param expiresAt  when {@code keys} are to be fetched again
     * @param staleUntil the end of the grace in which {@code keys} still serve while they cannot be fetched again
     * @param kidFetchAt when an unknown kid last caused a fetch; {@code null} while none did
     * @param failure    the last fetch's failure, or {@code null} when the last fetch succeeded
     * @param retryAt    no fetch is tried before then after that failure
     */
    private record Entry(List<JsonWebKey> keys, Instant expiresAt, Instant staleUntil, Instant kidFetchAt,
                         AuthException failure, Instant retryAt) {
        boolean fresh(Instant now) {
            return keys != null && now.isBefore(expiresAt);
        }

        boolean usable(Instant now) {
            return keys != null && now.isBefore(staleUntil);
        }

        boolean backingOff(Instant now) {
            return failure != null && now.isBefore(retryAt);
        }
    }

    private record Fetched(List<JsonWebKey> keys, Duration lifetime) {
    }

    /**
     * @param cooldown least time between two fetches caused by an unknown kid
     * @param maxAge   longest a set is trusted before it is fetched again, and the grace after that (positive)
     */
    public JwksCache(OutboundHttp http, Duration cooldown, Duration maxAge, Clock clock) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            throw new IllegalArgumentException(ConfigKey.JWKS_MAX_AGE.key() + " must be positive");
        }
        this.http = http;
        this.cooldown = cooldown;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * Makes sure usable keys of {@code jwksUri} are held before a token is checked against them: fetched
     * on first use and again once past their lifetime.
     *
     * @throws AuthException {@code provider_unavailable} or {@code provider_error} when they cannot be loaded
     */
    public void preload(URI jwksUri) {
        keys(jwksUri);
    }

    /** The key that verifies the JWS: from the kept set, else from one fresh fetch when the cooldown allows. */
    public java.security.Key keyFor(URI jwksUri, JsonWebSignature jws) throws UnresolvableKeyException {
        JsonWebKey key = select(keys(jwksUri), jws);
        if (key == null) {
            key = afterUnknownKid(jwksUri, jws);
        }
        if (key == null) {
            throw new UnresolvableKeyException("no signing key for the token's kid");
        }
        return key.getKey();
    }

    /** How many times a JWKS was fetched (for tests and figures). */
    public int fetchCount() {
        return fetches.get();
    }

    private ReentrantLock lock(URI jwksUri) {
        return locks.computeIfAbsent(jwksUri, k -> new ReentrantLock());
    }

    private List<JsonWebKey> keys(URI jwksUri) {
        Instant now = clock.instant();
        Entry e = cache.get(jwksUri);
        if (e != null && e.fresh(now)) {
            return e.keys();
        }
        if (e != null && e.backingOff(now)) {
            return known(e, now);
        }
        ReentrantLock lock = lock(jwksUri);
        if (!lock.tryLock()) {
            if (e != null && (e.usable(now) || e.failure() != null)) {
                return known(e, now); // another sign-in is fetching: do not queue behind its timeouts
            }
            lock.lock(); // nothing known yet: wait for that fetch
        }
        try {
            now = clock.instant();
            e = cache.get(jwksUri);
            if (e == null || !e.fresh(now) && !e.backingOff(now)) {
                e = fetchInto(jwksUri, e, now, false);
            }
            return e.fresh(now) ? e.keys() : known(e, now);
        } finally {
            lock.unlock();
        }
    }

    /** The keys still within their grace, else the remembered failure. */
    private static List<JsonWebKey> known(Entry e, Instant now) {
        if (e.usable(now)) {
            return e.keys();
        }
        AuthException f = e.failure();
        throw f == null ? new AuthException(AuthError.PROVIDER_UNAVAILABLE, "JWKS not loaded") : new AuthException(f.error(), f.getMessage());
    }

    /** One fetch for a kid not in the set, when the cooldown and any remembered failure allow it. */
    private JsonWebKey afterUnknownKid(URI jwksUri, JsonWebSignature jws) {
        if (!refreshAllowed(cache.get(jwksUri), clock.instant())) {
            return null;
        }
        ReentrantLock lock = lock(jwksUri);
        lock.lock();
        try {
            Instant now = clock.instant();
            Entry e = cache.get(jwksUri);
            if (refreshAllowed(e, now)) {
                e = fetchInto(jwksUri, e, now, true);
                if (e.failure() == null) {
                    LOG.log(LogMessage.JWKS_REFETCHED_FOR_UNKNOWN_KID);
                }
            }
            return e.usable(now) ? select(e.keys(), jws) : null;
        } finally {
            lock.unlock();
        }
    }

    /** The first unknown kid fetches at once; the next ones only once the cooldown since that fetch has passed. */
    private boolean refreshAllowed(Entry e, Instant now) {
        return e != null && !e.backingOff(now) && (e.kidFetchAt() == null || !now.isBefore(e.kidFetchAt().plus(cooldown)));
    }

    /** Fetches the set and stores what came of it: the new keys, or the failure next to the keys still usable. */
    private Entry fetchInto(URI jwksUri, Entry previous, Instant now, boolean forUnknownKid) {
        Instant kidFetchAt = forUnknownKid ? now : previous == null ? null : previous.kidFetchAt();
        Entry next;
        try {
            Fetched f = fetch(jwksUri);
            Instant expiresAt = now.plus(f.lifetime());
            next = new Entry(f.keys(), expiresAt, expiresAt.plus(maxAge), kidFetchAt, null, null);
        } catch (AuthException failure) {
            Instant retryAt = now.plus(FAILURE_TTL);
            if (previous != null && previous.fresh(now)) {
                LOG.log(LogMessage.JWKS_FETCH_FAILED_KEPT, jwksUri, failure.getMessage(), retryAt);
                next = new Entry(previous.keys(), previous.expiresAt(), previous.staleUntil(), kidFetchAt, failure, retryAt);
            } else if (previous != null && previous.usable(now)) {
                LOG.log(LogMessage.JWKS_STALE, jwksUri, failure.getMessage(), previous.staleUntil(), retryAt);
                next = new Entry(previous.keys(), previous.expiresAt(), previous.staleUntil(), kidFetchAt, failure, retryAt);
            } else {
                LOG.log(LogMessage.JWKS_FETCH_FAILED, jwksUri, failure.getMessage(), retryAt);
                next = new Entry(null, null, null, kidFetchAt, failure, retryAt);
            }
        }
        cache.put(jwksUri, next);
        return next;
    }

    private static JsonWebKey select(List<JsonWebKey> keys, JsonWebSignature jws) {
        try {
            return new VerificationJwkSelector().select(jws, keys);
        } catch (JoseException e) {
            return null;
        }
    }

    private Fetched fetch(URI jwksUri) {
        fetches.incrementAndGet();
        HttpReply reply;
        try {
            reply = http.get(jwksUri, Map.of("Accept", "application/json"));
        } catch (HttpCallFailed f) {
            throw new AuthException(f.kind() == HttpCallFailed.Kind.UNREACHABLE ? AuthError.PROVIDER_UNAVAILABLE : AuthError.PROVIDER_ERROR,
                    "JWKS fetch failed: " + f.getMessage());
        }
        return new Fetched(keysOf(reply), lifetime(reply));
    }

    /** The keys of a JWKS answer; package-private for the fuzz tests, which call it without network. */
    static List<JsonWebKey> keysOf(HttpReply reply) {
        if (reply.status() >= 500) {
            throw new AuthException(AuthError.PROVIDER_UNAVAILABLE, "JWKS answered " + reply.status());
        }
        if (!reply.isSuccess() || reply.jsonObject().isEmpty()) {
            throw new AuthException(AuthError.PROVIDER_ERROR, "JWKS unusable (status " + reply.status() + ")");
        }
        try {
            return List.copyOf(new JsonWebKeySet(reply.text()).getJsonWebKeys());
        } catch (JoseException | RuntimeException e) {
            throw new AuthException(AuthError.PROVIDER_ERROR, "JWKS unreadable");
        }
    }

    /** The answer's max-age within [{@link #MIN_LIFETIME}, the configured maximum]; the maximum without one. */
    private Duration lifetime(HttpReply reply) {
        Duration lifetime = reply.cacheMaxAge().map(a -> a.compareTo(MIN_LIFETIME) < 0 ? MIN_LIFETIME : a).orElse(maxAge);
        return lifetime.compareTo(maxAge) > 0 ? maxAge : lifetime;
    }
}
