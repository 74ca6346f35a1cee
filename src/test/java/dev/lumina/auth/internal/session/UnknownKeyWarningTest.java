package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.testing.LogCapture;
import dev.lumina.auth.testing.ManualClock;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S99: a token whose {@code kid} no configured secret has (a secret rotated on another node first) is refused
 * with one warning naming the kid, never the token, at most once a minute: the clock is injected, so the pace is
 * tested without waiting.
 */
class UnknownKeyWarningTest {
    private static final SessionMinter OTHER_NODE = new SessionMinter(TestSecrets.B);
    private static final SessionMinter OTHER_NODE_SEALED = new SessionMinter(true, TestSecrets.B);

    private static List<String> warnings(LogCapture log) {
        return log.lines().stream().filter(l -> l.contains("LUMINA-1004")).toList();
    }

    @Test
    void s99_unknownKidIsRefusedWithOneRateLimitedWarningNamingTheKid() {
        ManualClock clock = new ManualClock();
        KeyRing ours = new SessionMinter(TestSecrets.A).keys();
        JoseTokens tokens = new JoseTokens(ours, Duration.ofSeconds(60), clock);
        String foreign = OTHER_NODE.token("alice");
        String kid = OTHER_NODE.keys().current(KeyPurpose.SESSION_SIGNING).kid();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 5; i++) {
                AuthException e = assertThrows(AuthException.class,
                        () -> tokens.verify(foreign, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID));
                assertEquals(AuthError.SESSION_INVALID, e.error());
            }
            assertEquals(1, warnings(log).size(), log.all());
            String line = warnings(log).get(0);
            assertTrue(line.contains("'" + kid + "'"), line);
            assertTrue(line.contains("session_signing"), line);
            assertFalse(log.all().contains(foreign), "never the token");
            assertFalse(log.all().contains(foreign.substring(foreign.lastIndexOf('.') + 1)), "nor its signature");

            clock.advance(java.time.Duration.ofSeconds(59));
            assertThrows(AuthException.class, () -> tokens.verify(foreign, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID));
            assertEquals(1, warnings(log).size(), "still within the minute");

            clock.advance(java.time.Duration.ofSeconds(2));
            String sealed = OTHER_NODE_SEALED.token("bob");
            assertThrows(AuthException.class, () -> tokens.open(sealed, KeyPurpose.SESSION_ENCRYPTION, AuthError.SESSION_INVALID));
            assertEquals(2, warnings(log).size(), log.all());
            assertTrue(warnings(log).get(1).contains("(5 more"), warnings(log).get(1));
            assertTrue(warnings(log).get(1).contains("session_encryption"), warnings(log).get(1));
        }
    }

    @Test
    void s99_hostileKidIsCutAndStrippedOfLineBreaks() {
        ManualClock clock = new ManualClock();
        JoseTokens tokens = new JoseTokens(new SessionMinter(TestSecrets.A).keys(), Duration.ofSeconds(60), clock);
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"HS256\",\"kid\":\"x\\r\\nLUMINA-0002 forged" + "y".repeat(500) + "\"}").getBytes());
        String token = header + ".e30.AAAA";
        try (LogCapture log = new LogCapture()) {
            assertThrows(AuthException.class, () -> tokens.verify(token, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID));
            String line = warnings(log).get(0);
            assertFalse(line.contains("\n") || line.contains("\r"), line);
            assertFalse(line.contains("y".repeat(100)), "cut");
        }
    }

    @Test
    void knownKidOfAnOlderSecretIsNoWarning() {
        // the clock judges expiry too: it stands at the time the other node minted the token
        JoseTokens tokens = new JoseTokens(new SessionMinter(TestSecrets.A, TestSecrets.B).keys(), Duration.ofSeconds(60),
                new ManualClock(java.time.Instant.now()));
        try (LogCapture log = new LogCapture()) {
            assertEquals("alice", tokens.verify(OTHER_NODE.token("alice"), KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID)
                    .getClaimValueAsString("sub"));
            assertTrue(warnings(log).isEmpty());
        }
    }
}
