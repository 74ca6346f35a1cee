package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What back-channel logout costs in the cookie: the provider's {@code sid} and {@code sub} kept as the reserved
 * claims {@code psid} and {@code psub}, read back as they were written, never among the application's claims.
 * Prints the bytes for the README ("Back-channel logout").
 */
class ProviderClaimsSizeTest {
    static final String SID = "08a5019c-17e1-4977-8f42-65a12843ea02"; // 36 characters, as Keycloak's
    static final String SUB = "110248495921238986420";                 // 21 digits, as Google's
    static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    static JwtSessionCodec codec(boolean encrypt) {
        KeyRing keys = KeyRing.of(AuthConfig.builder().secrets(TestSecrets.A).build().secrets());
        return new JwtSessionCodec(new JoseTokens(keys, Duration.ofSeconds(60)), encrypt);
    }

    static Session session(boolean withProvider) {
        Instant now = NOW;
        Session.Builder b = Session.builder().id("abcdefghijklmnopqrstuv").subject("user-42").provider("corp")
                .email("someone@example.com").name("Some One").authenticatedAt(now).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(6)));
        return withProvider ? b.providerSessionId(SID).providerSubject(SUB).build() : b.build();
    }

    @Test
    void theProviderSidAndSubjectCostAboutAHundredBytesAndRoundTrip() {
        for (boolean encrypt : new boolean[] {false, true}) {
            JwtSessionCodec codec = codec(encrypt);
            String without = codec.encode(session(false));
            String with = codec.encode(session(true));
            int cost = with.length() - without.length();
            System.out.printf("session cookie %s: %d bytes without the provider's sid and sub, %d with: +%d%n",
                    encrypt ? "JWE" : "HS256", without.length(), with.length(), cost);
            assertTrue(cost > 0 && cost <= 120, "cost " + cost); // 77 bytes of JSON, base64url-encoded
            Session back = codec(encrypt).decode(with);
            assertEquals(SID, back.providerSessionId());
            assertEquals(SUB, back.providerSubject());
            assertTrue(back.claims().isEmpty(), back.claims().toString());
            assertEquals(session(true), back);
        }
    }

    @Test
    void theApplicationCannotSetThemAsClaims() {
        for (String reserved : new String[] {"psid", "psub"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Session.builder().claim(reserved, "x"));
        }
    }
}
