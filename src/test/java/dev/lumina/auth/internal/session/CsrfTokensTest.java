package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {
    private final CsrfTokens tokens = new CsrfTokens(new SessionMinter(TestSecrets.A).keys());

    @Test
    void issuedTokenMatchesItsCookie() {
        CsrfTokens.Issued i = tokens.issue(null);
        assertTrue(tokens.matches(i.cookieValue(), i.token()));
        assertTrue(i.token().length() >= 43, "256 bits");
    }

    @Test
    void s58_validCookieKeepsItsToken() {
        CsrfTokens.Issued first = tokens.issue(null);
        assertEquals(first, tokens.issue(first.cookieValue()));
        assertNotEquals(first.token(), tokens.issue("garbage").token());
    }

    @Test
    void s02_anotherValidTokenDoesNotMatch() {
        CsrfTokens.Issued victim = tokens.issue(null);
        CsrfTokens.Issued attacker = tokens.issue(null);
        assertFalse(tokens.matches(victim.cookieValue(), attacker.token()));
        assertFalse(tokens.matches(attacker.cookieValue(), victim.token()));
    }

    @Test
    void s03_forgedHmacIsRefused() {
        assertFalse(tokens.matches("aaaa.bad-hmac", "aaaa"));
        assertFalse(tokens.matches("aaaa.", "aaaa"));
        assertFalse(tokens.matches("aaaa", "aaaa"));
        CsrfTokens other = new CsrfTokens(new SessionMinter(TestSecrets.B).keys());
        CsrfTokens.Issued foreign = other.issue(null);
        assertFalse(tokens.matches(foreign.cookieValue(), foreign.token()), "signed with a secret we don't have");
    }

    @Test
    void s85_cookieOfRetiredSecretVerifiesWhileItIsStillListed() {
        CsrfTokens.Issued old = new CsrfTokens(new SessionMinter(TestSecrets.A).keys()).issue(null);
        CsrfTokens rotated = new CsrfTokens(new SessionMinter(TestSecrets.B, TestSecrets.A).keys());
        assertTrue(rotated.matches(old.cookieValue(), old.token()));
        assertFalse(new CsrfTokens(new SessionMinter(TestSecrets.B).keys()).matches(old.cookieValue(), old.token()));
        // new cookies are bound with the new secret
        CsrfTokens.Issued fresh = rotated.issue(null);
        assertTrue(new CsrfTokens(new SessionMinter(TestSecrets.B).keys()).matches(fresh.cookieValue(), fresh.token()));
    }
}
