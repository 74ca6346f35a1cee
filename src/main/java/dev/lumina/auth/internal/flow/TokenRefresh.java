package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.oauth.TokenResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;

/**
 * One refresh per refresh token on this node (single flight). Requests of one session that need a refresh at the
 * same time share the one call to the provider: the first starts it, the others wait for its result. The result
 * (or the refusal) is kept for {@link #KEPT} after it arrives, so that a request still carrying the old refresh
 * token (sent by the browser before the new cookie arrived) gets the same new tokens instead of presenting a
 * refresh token the provider has rotated away, which a provider that detects reuse answers by revoking them all.
 * <p>
 * Entries are keyed by a SHA-256 of provider and refresh token (the map never holds a refresh token as a key),
 * removed once past {@link #KEPT}, and bounded to {@link #MAX_ENTRIES}: beyond that a refresh runs unshared.
 * The new tokens stay in this node's memory for at most {@link #KEPT}.
 */
public final class TokenRefresh {
    /** How long a finished refresh answers requests that carry the refresh token it used. */
    public static final Duration KEPT = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;

    /** The outcome for one caller: the provider's answer or its refusal, and whether this caller made the call. */
    public record Shared(TokenResponse response, AuthException failure, boolean led) {
    }

    private record Flight(CompletableFuture<TokenResponse> result, Instant started) {
    }

    private final Map<String, Flight> flights = new ConcurrentHashMap<>();
    private final Clock clock;
    private final BiFunction<String, String, TokenResponse> provider;

    /** @param provider calls the provider: (provider id, refresh token) to its answer; throws {@link AuthException} */
    public TokenRefresh(Clock clock, BiFunction<String, String, TokenResponse> provider) {
        this.clock = clock;
        this.provider = provider;
    }

    public Clock clock() {
        return clock;
    }

    /** Refreshes with {@code refreshToken}, or joins the refresh of it that runs or just ran on this node. */
    public Shared refresh(String providerId, String refreshToken) {
        String key = key(providerId, refreshToken);
        Instant now = clock.instant();
        Flight mine = new Flight(new CompletableFuture<>(), now);
        Flight flight = flights.compute(key, (k, existing) ->
                existing == null || isStale(existing, now) ? mine : existing);
        boolean led = flight == mine;
        if (led) {
            sweep(now);
            run(providerId, refreshToken, mine.result());
            if (flights.size() > MAX_ENTRIES) {
                flights.remove(key, mine); // full: this result is not shared
            }
        }
        try {
            return new Shared(flight.result().get(), null, led);
        } catch (ExecutionException e) {
            AuthException failure = e.getCause() instanceof AuthException a ? a
                    : new AuthException(AuthError.PROVIDER_UNAVAILABLE, "refresh failed: " + e.getCause().getClass().getSimpleName());
            return new Shared(null, failure, led);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Shared(null, new AuthException(AuthError.PROVIDER_UNAVAILABLE, "interrupted while waiting for a refresh"), led);
        }
    }

    /** Entries in the map (for tests). */
    int size() {
        return flights.size();
    }

    private void run(String providerId, String refreshToken, CompletableFuture<TokenResponse> result) {
        try {
            result.complete(provider.apply(providerId, refreshToken));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** A finished flight older than {@link #KEPT}; a running one is never stale (the call is bounded by the timeouts). */
    private boolean isStale(Flight flight, Instant now) {
        return flight.result().isDone() && !now.isBefore(flight.started().plus(KEPT));
    }

    private void sweep(Instant now) {
        flights.values().removeIf(f -> isStale(f, now));
    }

    private static String key(String providerId, String refreshToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(providerId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(refreshToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
