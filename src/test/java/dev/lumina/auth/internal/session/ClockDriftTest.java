package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S78, the multi-node half: tokens sealed on a node whose clock is ahead of (or behind) this one. The single
 * clock-skew setting decides, for session and flow cookies alike.
 */
class ClockDriftTest {
    private final KeyRing keys = new SessionMinter(TestSecrets.A).keys();
    private final JoseTokens issuer = new JoseTokens(keys, Duration.ofSeconds(60));

    private static Map<String, Object> claims(Instant issuedAt, Duration lifetime) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", JoseTokens.ISSUER);
        c.put("sub", "drift");
        c.put("jti", "j");
        c.put("iat", issuedAt.getEpochSecond());
        c.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        return c;
    }

    @Test
    void s78_tokensFromANodeTwoMinutesAheadNeedASkewOfTwoMinutes() {
        Instant ahead = Instant.now().plusSeconds(100);
        String session = issuer.sign(claims(ahead, Duration.ofHours(1)), KeyPurpose.SESSION_SIGNING);
        String flow = issuer.seal(claims(ahead, Duration.ofMinutes(10)), KeyPurpose.FLOW);

        JoseTokens strict = new JoseTokens(keys, Duration.ofSeconds(60));
        assertEquals(AuthError.SESSION_INVALID, assertThrows(AuthException.class,
                () -> strict.verify(session, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID)).error());
        assertEquals(AuthError.STATE_INVALID, assertThrows(AuthException.class,
                () -> strict.open(flow, KeyPurpose.FLOW, AuthError.STATE_INVALID)).error());

        JoseTokens tolerant = new JoseTokens(keys, Duration.ofSeconds(120));
        assertEquals("drift", tolerant.verify(session, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID).getClaimValue("sub"));
        assertEquals("drift", tolerant.open(flow, KeyPurpose.FLOW, AuthError.STATE_INVALID).getClaimValue("sub"));
    }

    @Test
    void s78_aFlowCookieExpiredByThisNodesClockIsKeptOnlyWithinTheSkew() {
        // sealed 11.5 minutes ago with a 10-minute lifetime: expired 90 s ago by this node's clock
        String flow = issuer.seal(claims(Instant.now().minusSeconds(690), Duration.ofMinutes(10)), KeyPurpose.FLOW);
        assertThrows(AuthException.class, () -> new JoseTokens(keys, Duration.ofSeconds(60)).open(flow, KeyPurpose.FLOW, AuthError.STATE_INVALID));
        assertEquals("drift", new JoseTokens(keys, Duration.ofSeconds(120)).open(flow, KeyPurpose.FLOW, AuthError.STATE_INVALID).getClaimValue("sub"));
    }
}
