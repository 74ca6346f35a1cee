package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.testing.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JWKS cache against a real JWKS endpoint on loopback, with a clock the test moves: every time-based
 * behaviour (lifetime, back-off, grace, unknown-kid cooldown) is checked at its boundary, without sleeping.
 */
class JwksCacheTest {
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static RsaJsonWebKey keyA;
    private static RsaJsonWebKey keyB;
    private static RsaJsonWebKey keyC;

    private final ManualClock clock = new ManualClock();
    private final JwksServer server = new JwksServer();
    private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(5), Duration.ofSeconds(30), 1 << 20);

    /** A JWKS endpoint whose keys, status and Cache-Control the test sets; it can hold its answer back. */
    static final class JwksServer implements AutoCloseable {
        final HttpServer server;
        final ExecutorService executor = Executors.newCachedThreadPool();
        final AtomicInteger hits = new AtomicInteger();
        volatile List<JsonWebKey> published = List.of();
        volatile int status = 200;
        volatile String cacheControl;
        /** When set, an answer waits for {@code release} after counting down {@code arrived}. */
        volatile CountDownLatch arrived;
        volatile CountDownLatch release;

        JwksServer() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/jwks", this::handle);
            server.setExecutor(executor);
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        }

        void publish(JsonWebKey... keys) {
            published = List.of(keys);
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                hits.incrementAndGet();
                if (release != null) {
                    arrived.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = (status == 200 ? new JsonWebKeySet(published).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                        : "{\"error\":\"down\"}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                if (cacheControl != null) {
                    ex.getResponseHeaders().add("Cache-Control", cacheControl);
                }
                ex.sendResponseHeaders(status, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            if (release != null) {
                release.countDown();
            }
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @BeforeAll
    static void keys() throws JoseException {
        keyA = key("kid-a");
        keyB = key("kid-b");
        keyC = key("kid-c");
    }

    private static RsaJsonWebKey key(String kid) throws JoseException {
        RsaJsonWebKey k = RsaJwkGenerator.generateJwk(2048);
        k.setKeyId(kid);
        k.setAlgorithm("RS256");
        k.setUse("sig");
        return k;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JwksCache cache() {
        return cache(MAX_AGE);
    }

    private JwksCache cache(Duration maxAge) {
        return new JwksCache(http, COOLDOWN, maxAge, clock);
    }

    /** A token header as the cache sees it: only alg and kid matter for choosing the key. */
    private static JsonWebSignature jws(String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue(kid);
        return jws;
    }

    private boolean trusts(JwksCache cache, RsaJsonWebKey key) {
        java.security.Key found = resolve(cache, key.getKeyId());
        return found != null && found.equals(key.getPublicKey());
    }

    /** The key the cache gives for the kid, {@code null} when it has none. */
    private java.security.Key resolve(JwksCache cache, String kid) {
        try {
            return cache.keyFor(server.uri(), jws(kid));
        } catch (UnresolvableKeyException e) {
            return null;
        }
    }

    private AuthException refused(JwksCache cache) {
        return assertThrows(AuthException.class, () -> cache.preload(server.uri()));
    }

    @Test
    void aKeyTheProviderRemovedIsNoLongerTrustedOnceTheSetExpires() {
        server.publish(keyA, keyB);
        JwksCache cache = cache();
        assertTrue(trusts(cache, keyB));
        server.publish(keyA); // the provider drops B
        clock.advance(MAX_AGE.minusSeconds(1));
        assertTrue(trusts(cache, keyB), "within its lifetime the kept set is used as it is");
        assertEquals(1, server.hits.get());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(trusts(cache, keyB), "past the lifetime the set is fetched again: B is gone");
        assertTrue(trusts(cache, keyA));
        assertFalse(trusts(cache, keyB), "and stays gone");
    }

    @Test
    void cacheControlMaxAgeIsHonouredWithinOneMinuteAndTheConfiguredMaximum() {
        server.publish(keyA);
        assertEquals(Duration.ofSeconds(300), lifetimeFor("public, max-age=300, must-revalidate", MAX_AGE));
        assertEquals(JwksCache.MIN_LIFETIME, lifetimeFor("max-age=5", MAX_AGE), "raised to the floor");
        assertEquals(JwksCache.MIN_LIFETIME, lifetimeFor("no-store", MAX_AGE), "raised to the floor");
        assertEquals(MAX_AGE, lifetimeFor("max-age=86400", MAX_AGE), "cut to the configured maximum");
        assertEquals(MAX_AGE, lifetimeFor(null, MAX_AGE), "no Cache-Control: the configured maximum");
        assertEquals(Duration.ofMinutes(20), lifetimeFor(null, Duration.ofMinutes(20)));
        assertEquals(Duration.ofSeconds(30), lifetimeFor("max-age=300", Duration.ofSeconds(30)), "the configured maximum always wins");
    }

    /** How long a set answered with that Cache-Control is kept: found at the second boundary, not before. */
    private Duration lifetimeFor(String cacheControl, Duration maxAge) {
        server.cacheControl = cacheControl;
        JwksCache cache = cache(maxAge);
        cache.preload(server.uri());
        Instant fetched = clock.instant();
        // fetched again exactly when the lifetime ends: probe each candidate boundary just before and at it
        for (Duration candidate : List.of(Duration.ofSeconds(30), JwksCache.MIN_LIFETIME, Duration.ofSeconds(300),
                Duration.ofMinutes(20), MAX_AGE)) {
            clock.set(fetched.plus(candidate).minusMillis(1));
            cache.preload(server.uri());
            if (cache.fetchCount() > 1) {
                throw new AssertionError("fetched again before " + candidate);
            }
            clock.set(fetched.plus(candidate));
            cache.preload(server.uri());
            if (cache.fetchCount() > 1) {
                return candidate;
            }
        }
        throw new AssertionError("not fetched again within " + MAX_AGE);
    }

    @Test
    void aFailedFetchIsRememberedForTheBackOffThenTriedAgain() {
        server.publish(keyA);
        server.status = 503;
        JwksCache cache = cache();
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error());
        assertEquals(1, server.hits.get());
        clock.advance(JwksCache.FAILURE_TTL.minusMillis(1));
        for (int i = 0; i < 50; i++) {
            assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error());
        }
        assertEquals(1, server.hits.get(), "the failure is answered from memory during the back-off");
        clock.advance(Duration.ofMillis(1));
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error());
        assertEquals(2, server.hits.get(), "tried again once the back-off is over");
        server.status = 200;
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error(), "still within the new back-off");
        clock.advance(JwksCache.FAILURE_TTL);
        assertTrue(trusts(cache, keyA), "the provider is back");
        assertEquals(3, server.hits.get());
    }

    @Test
    void anUnreachableJwksIsRememberedToo() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // nothing listens there afterwards
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port + "/jwks");
        JwksCache cache = cache();
        for (int i = 0; i < 10; i++) {
            assertEquals(AuthError.PROVIDER_UNAVAILABLE, assertThrows(AuthException.class, () -> cache.preload(nowhere)).error());
        }
        assertEquals(1, cache.fetchCount());
    }

    @Test
    void expiredKeysServeForTheGraceWhileTheJwksIsDownThenSignInsFail() {
        server.publish(keyA);
        JwksCache cache = cache();
        cache.preload(server.uri());
        server.status = 503;
        try (LogCapture logs = new LogCapture()) {
            clock.advance(MAX_AGE);
            assertTrue(trusts(cache, keyA), "past its lifetime, unreachable: the previous keys still serve");
            assertEquals(2, server.hits.get());
            assertTrue(logs.all().contains("LUMINA-3013"), logs.all());
            String modulus = (String) keyA.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY).get("n");
            assertFalse(logs.all().contains(modulus.substring(0, 32)), "no key material in the log");
            clock.advance(JwksCache.FAILURE_TTL);
            assertTrue(trusts(cache, keyA));
            assertEquals(3, server.hits.get(), "tried again after each back-off");
        }
        clock.advance(MAX_AGE.minus(JwksCache.FAILURE_TTL).minusMillis(1));
        assertTrue(trusts(cache, keyA), "still within the grace");
        clock.advance(Duration.ofMillis(1));
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error(), "past the grace the keys are no longer trusted");
        assertThrows(AuthException.class, () -> cache.keyFor(server.uri(), jws(keyA.getKeyId())));
        server.status = 200;
        server.publish(keyB);
        clock.advance(JwksCache.FAILURE_TTL);
        assertTrue(trusts(cache, keyB));
        assertFalse(trusts(cache, keyA));
    }

    @Test
    void aSignInFindingAnotherFetchingAnswersFromTheKeptKeysInsteadOfWaiting() throws Exception {
        server.publish(keyA);
        JwksCache cache = cache();
        cache.preload(server.uri());
        clock.advance(MAX_AGE);
        server.arrived = new CountDownLatch(1);
        server.release = new CountDownLatch(1);
        CompletableFuture<Void> refetch = CompletableFuture.runAsync(() -> cache.preload(server.uri()));
        assertTrue(server.arrived.await(30, TimeUnit.SECONDS), "the refetch reached the JWKS");
        assertTrue(trusts(cache, keyA), "the kept keys serve while another sign-in fetches them again");
        assertFalse(refetch.isDone(), "answered without waiting for that fetch");
        server.release.countDown();
        refetch.get(30, TimeUnit.SECONDS);
        assertEquals(2, server.hits.get());
    }

    @Test
    void aSignInFindingAnotherFetchingAfterAFailureFailsAtOnce() throws Exception {
        server.status = 503;
        JwksCache cache = cache();
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error());
        clock.advance(JwksCache.FAILURE_TTL);
        server.arrived = new CountDownLatch(1);
        server.release = new CountDownLatch(1);
        CompletableFuture<Void> retry = CompletableFuture.runAsync(() -> cache.preload(server.uri()));
        assertTrue(server.arrived.await(30, TimeUnit.SECONDS));
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, refused(cache).error());
        assertFalse(retry.isDone(), "failed at once, without queueing behind the retry");
        server.release.countDown();
        assertThrows(Exception.class, () -> retry.get(30, TimeUnit.SECONDS));
        assertEquals(2, server.hits.get());
    }

    @Test
    void s40_unknownKidsCauseAtMostOneFetchPerCooldown() {
        server.publish(keyA);
        JwksCache cache = cache();
        cache.preload(server.uri());
        for (int i = 0; i < 1000; i++) {
            assertNull(resolve(cache, "unknown-" + i));
        }
        assertEquals(2, cache.fetchCount(), "the first unknown kid fetches at once, the next 999 wait for the cooldown");
        System.out.println("S40 figure: 1000 unknown kids -> " + cache.fetchCount() + " JWKS fetches (preload included)");
        clock.advance(COOLDOWN.minusMillis(1));
        assertNull(resolve(cache, "unknown-x"));
        assertEquals(2, cache.fetchCount(), "not before the cooldown is over");
        clock.advance(Duration.ofMillis(1));
        server.publish(keyA, keyC); // the provider rotated
        assertTrue(trusts(cache, keyC), "after the cooldown an unknown kid fetches again, and the new key is followed");
        assertEquals(3, cache.fetchCount());
        assertNull(resolve(cache, "unknown-y"));
        assertEquals(3, cache.fetchCount());
    }

    @Test
    void aRefetchForTheLifetimeDoesNotReopenTheUnknownKidCooldown() {
        server.publish(keyA);
        JwksCache cache = cache(Duration.ofSeconds(10)); // a lifetime shorter than the cooldown
        cache.preload(server.uri());
        assertNull(resolve(cache, "unknown-1"));
        assertEquals(2, cache.fetchCount());
        clock.advance(Duration.ofSeconds(25));
        cache.preload(server.uri());
        assertEquals(3, cache.fetchCount(), "the set is fetched again for its lifetime");
        assertNull(resolve(cache, "unknown-2"));
        assertEquals(3, cache.fetchCount(), "the cooldown still counts from the last unknown-kid fetch");
    }
}
