package dev.lumina.auth.internal.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {
    @Test
    void challengeIsTheS256OfTheVerifierAsInRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void verifierIs43UnreservedCharactersFromSecureRandom() {
        String v = Pkce.newVerifier();
        assertTrue(v.matches("[A-Za-z0-9_-]{43}"), v);
        assertNotEquals(v, Pkce.newVerifier());
    }
}
