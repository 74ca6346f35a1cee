package dev.lumina.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {
    @Test
    void anonymousIsNotAuthenticated() {
        assertFalse(Session.anonymous().isAuthenticated());
        assertTrue(Session.anonymous().roles().isEmpty());
    }

    @Test
    void s55_reservedClaimsCannotBeSetByTheApplication() {
        for (String name : Session.RESERVED_CLAIMS) {
            assertThrows(IllegalArgumentException.class, () -> Session.builder().claim(name, "x"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> Session.builder().claims(Map.of("exp", 1)));
        ProfileReceived event = new ProfileReceived(Profile.of("p", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> event.claim("iss", "evil"));
    }

    @Test
    void claimsMustBeJsonValues() {
        assertThrows(IllegalArgumentException.class, () -> Session.builder().claim("when", new Object()));
        assertEquals(7L, Session.builder().claim("n", 7).build().claims().get("n"));
    }

    @Test
    void s81_toStringsNeverShowTokens() {
        TokenSet tokens = new TokenSet("access-secret", "refresh-secret", "id-secret", null);
        Profile p = Profile.builder("google", "1").tokens(tokens).build();
        for (String s : new String[] {tokens.toString(), p.toString()}) {
            assertFalse(s.contains("access-secret") || s.contains("refresh-secret") || s.contains("id-secret"), s);
        }
        CredentialsSubmitted c = new CredentialsSubmitted("credentials", Map.of("password", "hunter2"), "1.2.3.4");
        assertFalse(c.toString().contains("hunter2"));
    }
}
