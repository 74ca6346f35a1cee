package dev.lumina.auth.internal.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.oauth.TokenResponse;
import dev.lumina.auth.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The single flight of refreshes on one node, with the provider's call replaced by a counter and the clock by hand. */
class TokenRefreshTest {
    final ManualClock clock = new ManualClock();
    final AtomicInteger calls = new AtomicInteger();

    TokenResponse answer(String refreshToken) {
        int n = calls.incrementAndGet();
        return new TokenResponse("at-" + n, "rt-" + n, null, clock.instant().plusSeconds(300), "openid");
    }

    @Test
    void parallelCallersWithOneRefreshTokenShareOneCall() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TokenRefresh refresh = new TokenRefresh(clock, (p, rt) -> {
            inCall.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return answer(rt);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TokenRefresh.Shared>> results = new ArrayList<>();
            results.add(pool.submit(() -> refresh.refresh("dev", "rt-0")));
            inCall.await(); // the leader is inside the provider's call: the others arrive while it runs
            for (int i = 0; i < 7; i++) {
                results.add(pool.submit(() -> refresh.refresh("dev", "rt-0")));
            }
            // whether a follower joins the running call or arrives just after it, it gets the same result (the clock
            // stands still, so the finished flight is still kept)
            release.countDown();
            int led = 0;
            for (Future<TokenRefresh.Shared> f : results) {
                TokenRefresh.Shared s = f.get();
                assertEquals("at-1", s.response().accessToken());
                led += s.led() ? 1 : 0;
            }
            assertEquals(1, calls.get());
            assertEquals(1, led, "one caller made the call");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLateCallerWithTheOldRefreshTokenGetsTheSameResultUntilItIsNoLongerKept() {
        TokenRefresh refresh = new TokenRefresh(clock, (p, rt) -> answer(rt));
        TokenRefresh.Shared first = refresh.refresh("dev", "rt-0");
        clock.advance(TokenRefresh.KEPT.minusSeconds(1));
        TokenRefresh.Shared late = refresh.refresh("dev", "rt-0");
        assertSame(first.response(), late.response(), "not the rotated-away token presented again");
        assertFalse(late.led());
        assertEquals(1, calls.get());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("at-2", refresh.refresh("dev", "rt-0").response().accessToken(), "after KEPT a new call");
        assertEquals(2, calls.get());
    }

    @Test
    void otherRefreshTokensAndOtherProvidersAreSeparateFlights() {
        TokenRefresh refresh = new TokenRefresh(clock, (p, rt) -> answer(rt));
        refresh.refresh("dev", "rt-a");
        refresh.refresh("dev", "rt-b");
        refresh.refresh("github", "rt-a");
        assertEquals(3, calls.get());
    }

    @Test
    void aRefusalIsSharedAndKeptLikeAnAnswer() {
        TokenRefresh refresh = new TokenRefresh(clock, (p, rt) -> {
            calls.incrementAndGet();
            throw new AuthException(AuthError.TOKEN_REFRESH_FAILED, "invalid_grant");
        });
        TokenRefresh.Shared first = refresh.refresh("dev", "rt-0");
        TokenRefresh.Shared second = refresh.refresh("dev", "rt-0");
        assertNull(first.response());
        assertEquals(AuthError.TOKEN_REFRESH_FAILED, first.failure().error());
        assertSame(first.failure(), second.failure());
        assertTrue(first.led() && !second.led());
        assertEquals(1, calls.get());
        TokenRefresh.Shared odd = new TokenRefresh(clock, (p, rt) -> {
            throw new IllegalStateException("boom");
        }).refresh("dev", "rt-0");
        assertEquals(AuthError.PROVIDER_UNAVAILABLE, odd.failure().error(), "anything else is not a refusal");
    }

    @Test
    void finishedFlightsAreSweptSoTheMapStaysBounded() {
        TokenRefresh refresh = new TokenRefresh(clock, (p, rt) -> answer(rt));
        for (int i = 0; i < 100; i++) {
            refresh.refresh("dev", "rt-" + i);
        }
        assertEquals(100, refresh.size());
        clock.advance(TokenRefresh.KEPT);
        refresh.refresh("dev", "another");
        assertEquals(1, refresh.size(), "the old ones went with the next refresh");
    }
}
