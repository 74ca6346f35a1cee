package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.testing.ManualClock;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache of verified session tokens: only exact, verified, unexpired tokens are ever answered from it. */
class VerifiedSessionsTest {
    static final Duration SKEW = Duration.ofSeconds(60);

    static Session session(String id, Instant expiresAt) {
        return Session.builder().id(id).subject("user-" + id).issuedAt(expiresAt.minusSeconds(600))
                .authenticatedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
    }

    @Test
    void anEntryLastsUntilExpiryPlusSkewAndNotOneMillisecondLonger() {
        ManualClock clock = new ManualClock();
        VerifiedSessions cache = new VerifiedSessions(16, SKEW, clock);
        Instant exp = clock.instant().plusSeconds(300);
        Session s = session("a", exp);
        cache.put("token-a", s);
        assertSame(s, cache.get("token-a"));
        clock.set(exp.plus(SKEW).minusMillis(1));
        assertSame(s, cache.get("token-a"), "still valid within the skew, as the verifier would say");
        clock.set(exp.plus(SKEW));
        assertNull(cache.get("token-a"), "expired: verified again (and refused) instead");
        assertEquals(0, cache.size(), "and dropped");
    }

    @Test
    void itIsBoundedWhateverIsPutIn() {
        ManualClock clock = new ManualClock();
        VerifiedSessions cache = new VerifiedSessions(100, SKEW, clock);
        for (int i = 0; i < 1000; i++) {
            cache.put("token-" + i, session("s" + i, clock.instant().plusSeconds(600)));
            assertTrue(cache.size() <= 100, "size " + cache.size() + " after " + i);
        }
        for (int i = 900; i < 1000; i++) {
            assertEquals("user-s" + i, cache.get("token-" + i).subject(), "the last ones put are kept");
        }
        cache.put("token-999", session("s999", clock.instant().plusSeconds(600))); // put again: still one entry
        for (int i = 0; i < 99; i++) {
            cache.put("again-" + i, session("a" + i, clock.instant().plusSeconds(600)));
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
        VerifiedSessions off = new VerifiedSessions(0, SKEW, clock);
        off.put("t", session("x", clock.instant().plusSeconds(600)));
        assertEquals(0, off.size(), "capacity 0 turns it off");
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainAndNothingElseEverEntersTheCache() {
        KeyRing keys = KeyRing.of(AuthConfig.builder().secrets(TestSecrets.A).build().secrets());
        KeyRing other = KeyRing.of(AuthConfig.builder().secrets(TestSecrets.B).build().secrets());
        for (boolean encrypt : new boolean[] {false, true}) {
            JwtSessionCodec codec = new JwtSessionCodec(new JoseTokens(keys, SKEW), encrypt, 64, Clock.systemUTC());
            Instant now = Instant.now();
            Session issued = session("sid", now.plusSeconds(3600)).toBuilder().issuedAt(now).authenticatedAt(now).build();
            String token = codec.encode(issued);
            Session first = codec.decode(token);
            assertSame(first, codec.decode(new String(token.toCharArray())), "the same token, another String: a hit");
            assertEquals(1, codec.verifiedTokens());

            List<String> forged = new ArrayList<>();
            forged.add(new JwtSessionCodec(new JoseTokens(other, SKEW), encrypt).encode(issued)); // another secret
            forged.add(token.substring(0, token.length() - 1));                                   // cut
            // each 3rd char of the last part, not its last char (whose low bits base64url leaves unused)
            for (int i = token.lastIndexOf('.') + 1; i < token.length() - 1; i += 3) {
                char c = token.charAt(i);
                forged.add(token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1));
            }
            forged.add(token.replace('.', ','));
            for (String f : forged) {
                assertThrows(AuthException.class, () -> codec.decode(f), f);
            }
            assertEquals(1, codec.verifiedTokens(), "no forged token was kept");
        }
    }

    /** The map hashes a token's ending only: tokens that share it land in one bucket and are still told apart. */
    @Test
    void aTokenSharingOnlyTheHashedEndingIsNeverFound() {
        ManualClock clock = new ManualClock();
        VerifiedSessions cache = new VerifiedSessions(16, SKEW, clock);
        String ending = "x".repeat(VerifiedSessions.HASHED);
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9." + "MAC-START-" + ending;
        Session s = session("a", clock.instant().plusSeconds(600));
        cache.put(token, s);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < token.length() - VerifiedSessions.HASHED; i += 7) {
            char c = token.charAt(i);
            others.add(token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1)); // one character before the ending
        }
        others.add(token.substring(1));  // shorter, same ending
        others.add("e" + token);         // longer, same ending
        others.add(ending);              // the ending alone
        others.add(token.substring(0, token.length() - 1) + "y"); // another ending
        for (String other : others) {
            assertNull(cache.get(other), other);
        }
        assertSame(s, cache.get(new String(token.toCharArray())), "the token itself is still found");
        assertEquals(1, cache.size(), "and the misses changed nothing");
    }
}
