package dev.lumina.auth.internal.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The revocation rules, on a clock that moves only when told: which sessions a revocation ends, and for how long. */
class SessionRevocationsTest {
    final ManualClock clock = new ManualClock();
    final AuthConfig config = AuthConfig.builder().secrets("x".repeat(32)).build(); // P7D absolute, PT60S skew
    final MemoryRevocationStore store = new MemoryRevocationStore(clock);
    final SessionRevocations revocations = new SessionRevocations(store, config, clock);

    /** A session as the issuer makes it: sign-in time in whole seconds. */
    Session session(String id, String subject) {
        Instant now = clock.instant();
        return Session.builder().id(id).subject(subject).provider("dev").authenticatedAt(now).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(6))).providerSubject("idp-" + subject).providerSessionId("sid-" + id).build();
    }

    @Test
    void nothingRecordedMeansNothingRevokedAndNoLookup() {
        assertTrue(store.isEmpty());
        assertNull(revocations.revokedBy(session("a", "alice")));
        assertNull(revocations.revokedBy(session("b", "bob")));
    }

    @Test
    void revokingOneSessionByIdEndsThatSessionOnly() {
        Session a = session("id-a", "alice");
        Session sameUserOtherSession = session("id-b", "alice");
        clock.advance(Duration.ofMinutes(5));
        revocations.revokeSession("id-a");
        assertEquals("session", revocations.revokedBy(a));
        // renewed later (new iat, same id and sign-in time): still revoked
        assertEquals("session", revocations.revokedBy(a.toBuilder().issuedAt(clock.instant().plusSeconds(60)).build()));
        assertNull(revocations.revokedBy(sameUserOtherSession));
        assertNull(revocations.revokedBy(session("id-c", "bob")));
    }

    @Test
    void revokingASubjectEndsItsOlderSessionsButNotALaterSignIn() {
        Session first = session("1", "alice");
        clock.advance(Duration.ofHours(2));
        Session second = session("2", "alice");
        Session bob = session("3", "bob");
        clock.advance(Duration.ofSeconds(10));
        revocations.revokeSubject("alice");
        assertEquals("subject", revocations.revokedBy(first));
        assertEquals("subject", revocations.revokedBy(second));
        // a renewal after the revocation keeps the sign-in time, so it does not escape
        assertEquals("subject", revocations.revokedBy(second.toBuilder().issuedAt(clock.instant().plusSeconds(30)).build()));
        assertNull(revocations.revokedBy(bob));
        clock.advance(Duration.ofSeconds(1));
        assertNull(revocations.revokedBy(session("4", "alice")), "a sign-in after the revocation is not revoked");
    }

    @Test
    void aSignInInTheSameSecondAsTheRevocationCountsAsBeforeIt() {
        clock.set(Instant.parse("2026-01-01T00:00:00.700Z"));
        revocations.revokeSubject("alice");
        Session sameSecond = Session.builder().id("s").subject("alice").authenticatedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(Instant.parse("2026-01-01T06:00:00Z")).build();
        assertEquals("subject", revocations.revokedBy(sameSecond));
    }

    @Test
    void providerSessionAndProviderSubjectRevokeOnlyTheSessionsOfThatProvider() {
        Session a = session("a", "alice");
        Session b = session("b", "alice");
        Session other = Session.builder().id("c").subject("carol").provider("google").authenticatedAt(clock.instant())
                .issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(600)).providerSessionId("sid-a")
                .providerSubject("idp-alice").build();
        revocations.revokeProviderSession("dev", "sid-a");
        assertEquals("provider session", revocations.revokedBy(a));
        assertNull(revocations.revokedBy(b));
        assertNull(revocations.revokedBy(other), "the same sid of another provider is another session");
        revocations.revokeProviderSubject("dev", "idp-alice");
        assertEquals("provider subject", revocations.revokedBy(b));
        assertNull(revocations.revokedBy(other));
    }

    @Test
    void entriesExpireWithTheLongestSessionLifetimeSoTheStoreStaysBounded() {
        Session s = session("a", "alice");
        revocations.revokeSubject("alice");
        revocations.revokeSession("other");
        clock.advance(Duration.ofDays(7));
        assertEquals("subject", revocations.revokedBy(s), "kept for the absolute lifetime plus the skew");
        clock.advance(Duration.ofSeconds(61));
        assertNull(revocations.revokedBy(s));
        assertFalse(store.revokedUpTo(RevocationKeys.session("other")).isPresent());
        revocations.revokeSession("x"); // a write sweeps what expired
        assertEquals(1, store.size());
    }

    @Test
    void aSignOutIsKeptOnlyAsLongAsThatSessionCouldLive() {
        Session s = session("a", "alice");
        clock.advance(Duration.ofDays(6));
        revocations.revoke(s);
        clock.advance(Duration.ofDays(1).plusSeconds(59));
        assertEquals("session", revocations.revokedBy(s));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(store.revokedUpTo(RevocationKeys.session("a")).isEmpty(), "past the session's own absolute limit");
        revocations.revoke(Session.anonymous()); // nothing to revoke
    }

    @Test
    void aLaterRevocationWinsAnEarlierOneChangesNothing() {
        Instant t1 = clock.instant().plusSeconds(100);
        Instant t2 = clock.instant().plusSeconds(200);
        Instant keep = clock.instant().plusSeconds(1000);
        store.revoke("k", t2, keep);
        store.revoke("k", t1, keep);
        assertEquals(t2, store.revokedUpTo("k").orElseThrow());
    }

    @Test
    void aOneTimeKeyIsAcceptedOnceUntilItExpires() {
        Instant keep = clock.instant().plusSeconds(120);
        assertTrue(store.addIfAbsent("jti:dev:1", keep));
        assertFalse(store.addIfAbsent("jti:dev:1", keep));
        assertTrue(store.addIfAbsent("jti:dev:2", keep));
        assertTrue(store.isEmpty(), "one-time keys are no revocation: the request check stays on its fast path");
        clock.advance(Duration.ofSeconds(121));
        assertTrue(store.addIfAbsent("jti:dev:1", clock.instant().plusSeconds(120)));
    }

    @Test
    void blankIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> revocations.revokeSubject(" "));
        assertThrows(NullPointerException.class, () -> revocations.revokeSession(null));
        assertTrue(store.isEmpty());
    }
}
