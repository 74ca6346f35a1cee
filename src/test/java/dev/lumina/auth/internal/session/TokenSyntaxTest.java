package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.FlowState;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S97 (and S18 for the flow cookie): the session, flow and CSRF cookies are read only in exactly the syntax
 * Lumina writes. Every variant of a valid token that a lenient base64 decoder would still accept is refused.
 */
class TokenSyntaxTest {
    private static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);

    /** Variants of a valid token that decode to the same bytes, or nearly, in a lenient parser. */
    static List<String> variants(String token) {
        List<String> v = new ArrayList<>();
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        v.add(token + "==");
        v.add(token + "=");
        v.add(token + ".");
        v.add(token + ".x");
        v.add("." + token);
        v.add(token.substring(0, first) + "=" + token.substring(first));
        v.add(token.substring(0, last) + "=" + token.substring(last));
        v.add(token.replace('-', '+').replace('_', '/'));
        v.add(" " + token);
        v.add(token + " ");
        v.add(token.substring(0, last));
        v.add(token.replace(".", ".."));
        v.add(nonCanonicalLastChar(token));
        v.removeIf(token::equals);
        return v;
    }

    /** The same signature bytes with the unused low bits of the last character set. */
    private static String nonCanonicalLastChar(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int i = alphabet.indexOf(token.charAt(token.length() - 1));
        return token.substring(0, token.length() - 1) + alphabet.charAt(i ^ 1);
    }

    @Test
    void s97_sessionTokenInAnyOtherSyntaxIsRefused() {
        for (boolean encrypt : new boolean[] {false, true}) {
            SessionMinter minter = new SessionMinter(encrypt, TestSecrets.A);
            String token = minter.token("alice");
            assertEquals("alice", minter.codec().decode(token).subject());
            for (String variant : variants(token)) {
                AuthException e = assertThrows(AuthException.class, () -> minter.codec().decode(variant),
                        "encrypt=" + encrypt + ": " + variant);
                assertEquals(AuthError.SESSION_INVALID, e.error());
            }
        }
    }

    @Test
    void s18_s97_flowCookieInAnyOtherSyntaxIsStateInvalid() {
        FlowSeal seal = new FlowSeal(new JoseTokens(MINTER.keys(), Duration.ofSeconds(60)), Duration.ofMinutes(10), Clock.systemUTC());
        String cookie = seal.seal(new FlowState("dev", "s", "v".repeat(43), "n", "/home", "/oops", URI.create("http://127.0.0.1/cb")));
        assertEquals("s", seal.open(cookie).state());
        for (String variant : variants(cookie)) {
            AuthException e = assertThrows(AuthException.class, () -> seal.open(variant), variant);
            assertEquals(AuthError.STATE_INVALID, e.error());
        }
    }

    @Test
    void s97_csrfCookieInAnyOtherSyntaxIsRefused() {
        CsrfTokens tokens = new CsrfTokens(MINTER.keys());
        CsrfTokens.Issued issued = tokens.issue(null);
        assertTrue(tokens.matches(issued.cookieValue(), issued.token()));
        for (String variant : variants(issued.cookieValue())) {
            assertFalse(tokens.tokenOf(variant).isPresent(), variant);
        }
    }

    @Test
    void partsAreCountedAndCanonical() {
        assertTrue(TokenSyntax.isCompactJws("e30.e30.AAAA"));
        assertFalse(TokenSyntax.isCompactJws("e30.e30."));
        assertFalse(TokenSyntax.isCompactJws("e30..AAAA"));
        assertFalse(TokenSyntax.isCompactJws("e30.e30.AAAA.AAAA.AAAA"));
        assertTrue(TokenSyntax.isCompactJwe("e30..AAAA.AAAA.AAAA"));
        assertFalse(TokenSyntax.isCompactJwe("e30.AAAA.AAAA.AAAA.AAAA"), "dir has no encrypted key");
        assertFalse(TokenSyntax.isCompactJwe("e30.e30.AAAA"));
        assertFalse(TokenSyntax.isCanonicalBase64Url("A"), "one character carries no byte");
        assertFalse(TokenSyntax.isCanonicalBase64Url("AB"), "low bits set");
        assertTrue(TokenSyntax.isCanonicalBase64Url("AA"));
        assertFalse(TokenSyntax.isCompactJws(null));
        assertFalse(TokenSyntax.isCsrfCookie("a.b.c"));
    }

    /** The hand check replaced a regular expression and a decode-encode round trip (issue 12): it agrees with them everywhere. */
    @org.junit.jupiter.api.Test
    void theCanonicalCheckAgreesWithTheRoundTripOnEveryShortPart() {
        // every character last (the unused bits live there), a sample of each kind before it
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .\u00e9";
        String before = "AZaz09-_=+/ \u00e9";
        StringBuilder b = new StringBuilder();
        for (int length = 1; length <= 3; length++) {
            int[] at = new int[length];
            while (true) {
                b.setLength(0);
                for (int k = 0; k < length; k++) {
                    b.append((k == length - 1 ? chars : before).charAt(at[k]));
                }
                String part = b.toString();
                org.junit.jupiter.api.Assertions.assertEquals(byRoundTrip(part), TokenSyntax.isCanonicalBase64Url(part), part);
                org.junit.jupiter.api.Assertions.assertEquals(byRoundTrip("AAAA" + part), TokenSyntax.isCanonicalBase64Url("AAAA" + part), part);
                int k = 0;
                while (k < length && ++at[k] == (k == length - 1 ? chars : before).length()) {
                    at[k++] = 0;
                }
                if (k == length) {
                    break;
                }
            }
        }
    }

    private static boolean byRoundTrip(String part) {
        if (part.isEmpty() || part.length() % 4 == 1 || !part.matches("[A-Za-z0-9_-]*")) {
            return false;
        }
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Base64.getUrlDecoder().decode(part)).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
