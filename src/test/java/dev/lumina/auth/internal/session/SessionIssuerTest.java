package dev.lumina.auth.internal.session;

import dev.lumina.auth.testing.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionIssuerTest {
    /** A clock the test moves by hand. */
    private final ManualClock clock = new ManualClock();
    private final AuthConfig config = AuthConfig.builder()
            .sessionMaxAge(Duration.ofDays(1)).sessionUpdateAge(Duration.ofMinutes(1))
            .sessionAbsoluteMaxAge(Duration.ofDays(30)).build();
    private final SessionIssuer issuer = new SessionIssuer(config, clock);

    @Test
    void issueStampsFreshIdAndTimes() {
        Session a = issuer.issue(Session.builder().subject("u").id("planted").build());
        Session b = issuer.issue(Session.builder().subject("u").build());
        assertNotEquals("planted", a.id());
        assertNotEquals(a.id(), b.id());
        assertEquals(clock.instant(), a.authenticatedAt());
        assertEquals(clock.instant().plus(Duration.ofDays(1)), a.expiresAt());
    }

    @Test
    void renewalOnlyAfterUpdateAge() {
        Session s = issuer.issue(Session.builder().subject("u").build());
        assertTrue(issuer.renewal(s).isEmpty());
        clock.set(clock.instant().plusSeconds(61));
        Session renewed = issuer.renewal(s).orElseThrow();
        assertEquals(s.id(), renewed.id());
        assertEquals(s.authenticatedAt(), renewed.authenticatedAt());
        assertEquals(clock.instant().plus(Duration.ofDays(1)), renewed.expiresAt());
    }

    @Test
    void s51_slidingRenewalNeverPassesAbsoluteLimit() {
        Instant signIn = clock.instant();
        Session s = issuer.issue(Session.builder().subject("u").build());
        // a request every minute for 31 days, taking every renewal
        for (int minute = 1; minute <= 31 * 24 * 60; minute++) {
            clock.set(signIn.plus(Duration.ofMinutes(minute)));
            if (!clock.instant().isBefore(s.expiresAt()) || issuer.pastAbsoluteLimit(s)) {
                break;
            }
            Optional<Session> r = issuer.renewal(s);
            if (r.isPresent()) {
                s = r.get();
            }
        }
        assertFalse(s.expiresAt().isAfter(signIn.plus(Duration.ofDays(30))), "exp " + s.expiresAt());
        assertTrue(issuer.pastAbsoluteLimit(s));
        assertTrue(issuer.renewal(s).isEmpty(), "an expired session is never revived");
    }
}
