package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.log.LuminaLog;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Providers' signing keys (JWKS), kept per {@code jwks_uri}. A token whose {@code kid} is not in the kept
 * set causes one fetch, and at most one per cooldown whatever the number of such tokens (S40): a provider
 * that rotated its keys is followed at once, an attacker's made-up {@code kid} cannot make Lumina hammer it.
 */
public final class JwksCache {
    private static final LuminaLog LOG = LuminaLog.of(JwksCache.class);

    private final OutboundHttp http;
    private final Duration cooldown;
    private final Clock clock;
    private final Map<URI, Keys> cache = new ConcurrentHashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    /** One lock per JWKS: a provider that stalls never holds up another one's keys. */
    private final Map<URI, Object> locks = new ConcurrentHashMap<>();

    /** @param refreshedAt when an unknown kid last caused a fetch; {@code null} after the first load */
    private record Keys(List<JsonWebKey> keys, Instant refreshedAt) {
    }

    public JwksCache(OutboundHttp http, Duration cooldown, Clock clock) {
        this.http = http;
        this.cooldown = cooldown;
        this.clock = clock;
    }

    /**
     * Makes sure the keys of {@code jwksUri} are loaded before a token is checked against them.
     *
     * @throws AuthException {@code provider_unavailable} or {@code provider_error} when they cannot be loaded
     */
    public void preload(URI jwksUri) {
        if (!cache.containsKey(jwksUri)) {
            synchronized (locks.computeIfAbsent(jwksUri, k -> new Object())) {
                if (!cache.containsKey(jwksUri)) {
                    cache.put(jwksUri, new Keys(fetch(jwksUri), null));
                }
            }
        }
    }

    /** The key that verifies the JWS: from the kept set, else from one fresh fetch when the cooldown allows. */
    public java.security.Key keyFor(URI jwksUri, JsonWebSignature jws) throws UnresolvableKeyException {
        preload(jwksUri);
        JsonWebKey key = select(cache.get(jwksUri).keys(), jws);
        if (key == null && refreshAllowed(jwksUri)) {
            synchronized (locks.computeIfAbsent(jwksUri, k -> new Object())) {
                if (refreshAllowed(jwksUri)) {
                    List<JsonWebKey> keys = cache.get(jwksUri).keys();
                    try {
                        keys = fetch(jwksUri);
                        LOG.info(3011, "signing keys fetched again for an unknown kid");
                    } catch (AuthException e) {
                        // keep the old keys; the token fails below
                    }
                    cache.put(jwksUri, new Keys(keys, clock.instant()));
                }
            }
            key = select(cache.get(jwksUri).keys(), jws);
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

    /** The first unknown kid fetches at once; the next ones only once the cooldown since that fetch has passed. */
    private boolean refreshAllowed(URI jwksUri) {
        Instant last = cache.get(jwksUri).refreshedAt();
        return last == null || !clock.instant().isBefore(last.plus(cooldown));
    }

    private static JsonWebKey select(List<JsonWebKey> keys, JsonWebSignature jws) {
        try {
            return new VerificationJwkSelector().select(jws, keys);
        } catch (JoseException e) {
            return null;
        }
    }

    private List<JsonWebKey> fetch(URI jwksUri) {
        fetches.incrementAndGet();
        HttpReply reply;
        try {
            reply = http.get(jwksUri, Map.of("Accept", "application/json"));
        } catch (HttpCallFailed f) {
            LOG.warn(3012, "signing keys could not be fetched: %s", f.getMessage());
            throw new AuthException(f.kind() == HttpCallFailed.Kind.UNREACHABLE ? AuthError.PROVIDER_UNAVAILABLE : AuthError.PROVIDER_ERROR,
                    "JWKS fetch failed: " + f.getMessage());
        }
        if (reply.status() >= 500) {
            throw new AuthException(AuthError.PROVIDER_UNAVAILABLE, "JWKS answered " + reply.status());
        }
        if (!reply.isSuccess() || reply.jsonObject().isEmpty()) {
            throw new AuthException(AuthError.PROVIDER_ERROR, "JWKS unusable (status " + reply.status() + ")");
        }
        try {
            List<JsonWebKey> keys = new JsonWebKeySet(reply.text()).getJsonWebKeys();
            return List.copyOf(keys);
        } catch (JoseException | RuntimeException e) {
            throw new AuthException(AuthError.PROVIDER_ERROR, "JWKS unreadable");
        }
    }
}
