package dev.lumina.auth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.JwtSessionCodec;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Cookies of any size: a value is one cookie or numbered chunks that must come back as one exact set, and the
 * reassembled token is verified as a whole (a swapped, altered or reordered chunk fails its signature).
 */
class CookieChunksTest {
    static final String NAME = "lumina.session";
    static final JwtSessionCodec CODEC = new JwtSessionCodec(
            new JoseTokens(KeyRing.of(List.of(TestSecrets.A.getBytes(StandardCharsets.UTF_8))), Duration.ofSeconds(60)), false, 0,
            java.time.Clock.systemUTC());

    /** The cookies a browser keeps after these Set-Cookie headers, as the Cookie header it sends. */
    static String browser(Map<String, String> jar, List<String> setCookies) {
        for (String h : setCookies) {
            String pair = h.substring(0, h.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (h.contains("Max-Age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
        List<String> pairs = new ArrayList<>();
        jar.forEach((n, v) -> pairs.add(n + "=" + v));
        return String.join("; ", pairs);
    }

    static String value(int length, long seed) {
        Random r = new Random(seed);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static CookieChunks.Read read(String cookieHeader) {
        return CookieChunks.read(List.of(cookieHeader), NAME);
    }

    /** A signed session token of about {@code claimChars} characters of claims. */
    static String bigToken(int claimChars) {
        Instant now = Instant.now();
        return CODEC.encode(Session.builder().id("sid").subject("u").claim("blob", value(claimChars, 7).replace('.', 'x'))
                .authenticatedAt(now).issuedAt(now).expiresAt(now.plusSeconds(600)).build());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 3999, 4000, 4020, 4021, 4022, 4050, 7599, 7600, 7601, 11_400, 11_401, 15_200, 18_999, 19_000})
    void everySizeUpToTheBoundRoundTripsWithinTheBrowserLimit(int length) {
        for (boolean secure : new boolean[] {false, true}) {
            String v = value(length, length);
            List<String> headers = CookieChunks.write(CookieNames.SESSION, v, Duration.ofHours(6), secure, Set.of());
            for (String h : headers) {
                assertTrue(h.getBytes(StandardCharsets.UTF_8).length <= SetCookie.MAX_BYTES, h.length() + " bytes");
                assertTrue(h.contains("; Path=/; HttpOnly; SameSite=Lax"), h);
                assertEquals(secure, h.endsWith("; Secure"), h);
            }
            int expected = headers.get(0).startsWith(CookieNames.SESSION.name(secure) + "=") ? 1
                    : (length + CookieChunks.CHUNK_CHARS - 1) / CookieChunks.CHUNK_CHARS;
            assertEquals(expected, headers.size(), "one cookie or its chunks, nothing else");
            CookieChunks.Read r = CookieChunks.read(List.of(browser(new LinkedHashMap<>(), headers)), CookieNames.SESSION.name(secure));
            assertEquals(v, r.value());
            assertFalse(r.refused());
        }
    }

    @Test
    void aValueThatFitsIsOneCookieAndOneThatDoesNotIsChunked() {
        assertEquals(List.of(NAME), names(CookieChunks.write(CookieNames.SESSION, value(3900, 1), null, false, Set.of())));
        assertEquals(List.of(NAME + ".0", NAME + ".1"), names(CookieChunks.write(CookieNames.SESSION, value(4100, 1), null, false, Set.of())));
        assertEquals(List.of(NAME + ".0", NAME + ".1", NAME + ".2", NAME + ".3", NAME + ".4"),
                names(CookieChunks.write(CookieNames.SESSION, value(CookieChunks.MAX_VALUE_CHARS, 1), null, false, Set.of())));
    }

    @ParameterizedTest
    @ValueSource(ints = {19_001, 20_000, 100_000})
    void aValueBeyondTheBoundIsRefusedLoudly(int length) {
        AuthException e = assertThrows(AuthException.class,
                () -> CookieChunks.write(CookieNames.SESSION, value(length, 3), Duration.ofHours(1), true, Set.of()));
        assertEquals(AuthError.SERVER_ERROR, e.error());
        assertTrue(e.getMessage().contains("at most 5"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 9_000, 14_000})
    void aChunkedSessionVerifiesAsOneToken(int claims) {
        String token = bigToken(claims);
        List<String> headers = CookieChunks.write(CookieNames.SESSION, token, null, false, Set.of());
        assertTrue(headers.size() >= 2);
        assertEquals("u", CODEC.decode(read(browser(new LinkedHashMap<>(), headers)).value()).subject());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aTamperedChunkFailsTheSignature(int chunk) {
        Map<String, String> jar = new LinkedHashMap<>();
        browser(jar, CookieChunks.write(CookieNames.SESSION, bigToken(9_000), null, false, Set.of()));
        String name = NAME + "." + chunk;
        String v = jar.get(name);
        int at = v.length() / 2;
        jar.put(name, v.substring(0, at) + (v.charAt(at) == 'A' ? 'B' : 'A') + v.substring(at + 1));
        CookieChunks.Read r = read(browser(jar, List.of()));
        assertNull(r.problem(), "the set is complete");
        AuthException e = assertThrows(AuthException.class, () -> CODEC.decode(r.value()));
        assertEquals(AuthError.SESSION_INVALID, e.error());
    }

    @Test
    void reorderedChunksFailTheSignature() {
        Map<String, String> jar = new LinkedHashMap<>();
        browser(jar, CookieChunks.write(CookieNames.SESSION, bigToken(9_000), null, false, Set.of()));
        String one = jar.get(NAME + ".1");
        jar.put(NAME + ".1", jar.get(NAME + ".2"));
        jar.put(NAME + ".2", one);
        assertThrows(AuthException.class, () -> CODEC.decode(read(browser(jar, List.of())).value()));
        // the order the browser sends them in does not matter: the names number them
        Map<String, String> reversed = new LinkedHashMap<>();
        browser(reversed, CookieChunks.write(CookieNames.SESSION, bigToken(9_000), null, false, Set.of()));
        List<String> pairs = new ArrayList<>();
        reversed.forEach((n, v) -> pairs.add(0, n + "=" + v));
        assertEquals("u", CODEC.decode(read(String.join("; ", pairs)).value()).subject());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aMissingChunkIsRefused(int chunk) {
        Map<String, String> jar = new LinkedHashMap<>();
        browser(jar, CookieChunks.write(CookieNames.SESSION, value(10_000, 4), null, false, Set.of()));
        jar.remove(NAME + "." + chunk);
        assertTrue(read(browser(jar, List.of())).refused());
    }

    @ParameterizedTest
    @ValueSource(strings = {".3", ".4", ".5", ".9", ".01", ".x", ".-1", ".10"})
    void anExtraOrUnknownChunkIsRefused(String suffix) {
        Map<String, String> jar = new LinkedHashMap<>();
        browser(jar, CookieChunks.write(CookieNames.SESSION, value(10_000, 5), null, false, Set.of()));
        jar.put(NAME + suffix, "AAAA");
        CookieChunks.Read r = read(browser(jar, List.of()));
        assertTrue(r.refused(), suffix);
        assertNull(r.value());
    }

    @Test
    void aDuplicateChunkOrAPlainCookieBesideChunksIsRefused() {
        Map<String, String> jar = new LinkedHashMap<>();
        String header = browser(jar, CookieChunks.write(CookieNames.SESSION, value(10_000, 6), null, false, Set.of()));
        assertTrue(read(header + "; " + NAME + ".1=" + jar.get(NAME + ".1")).refused(), "the same chunk twice");
        assertTrue(read(header + "; " + NAME + ".2=AAAA").refused(), "another value for a chunk");
        assertTrue(read(header + "; " + NAME + "=AAAA").refused(), "a plain cookie beside chunks");
        assertTrue(read(NAME + "=AAAA; " + header).refused(), "a plain cookie before chunks");
        assertTrue(read(NAME + "=AAAA; " + header).names().contains(NAME), "so that both are cleared");
        assertTrue(read(header + "; " + NAME + "=AAAA").names().containsAll(List.of(NAME, NAME + ".0", NAME + ".2")));
        assertTrue(read(NAME + "=a; " + NAME + "=b").refused(), "a plain cookie twice (S96)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2~", "4~", "1~", "0~", "6~", "9~", "x~", "", "3", "3-"})
    void aWrongCountInTheFirstChunkIsRefused(String prefix) {
        Map<String, String> jar = new LinkedHashMap<>();
        browser(jar, CookieChunks.write(CookieNames.SESSION, value(10_000, 8), null, false, Set.of()));
        String first = jar.get(NAME + ".0");
        assertTrue(first.startsWith("3~"));
        jar.put(NAME + ".0", prefix + first.substring(2));
        assertTrue(read(browser(jar, List.of())).refused(), prefix);
    }

    @Test
    void otherCookiesAndNamesThatMerelyBeginAlikeAreNotOurs() {
        CookieChunks.Read r = read("lumina.sessionx=1; other=2; lumina.session=abc; xlumina.session.0=3");
        assertEquals("abc", r.value());
        assertTrue(read("other=1").absent());
        assertTrue(read(NAME + "=").absent(), "an empty cookie is none");
        assertTrue(CookieChunks.read(null, NAME).absent());
    }

    @Test
    void aSmallerValueClearsTheStaleChunksOfALargerOne() {
        Map<String, String> jar = new LinkedHashMap<>();
        browser(jar, CookieChunks.write(CookieNames.SESSION, value(15_000, 9), null, false, Set.of()));
        assertEquals(4, jar.size());
        // two chunks now: .2 and .3 go
        List<String> two = CookieChunks.write(CookieNames.SESSION, value(7_000, 10), null, false, jar.keySet());
        assertEquals(List.of(NAME + ".0", NAME + ".1", NAME + ".2", NAME + ".3"), names(two));
        assertTrue(two.get(2).contains("Max-Age=0") && two.get(3).contains("Max-Age=0"));
        assertEquals(value(7_000, 10), read(browser(jar, two)).value());
        assertEquals(Set.of(NAME + ".0", NAME + ".1"), jar.keySet());
        // one plain cookie now: both chunks go
        List<String> one = CookieChunks.write(CookieNames.SESSION, "small", null, false, jar.keySet());
        assertEquals(List.of(NAME, NAME + ".0", NAME + ".1"), names(one));
        assertEquals("small", read(browser(jar, one)).value());
        assertEquals(Set.of(NAME), jar.keySet());
        // chunked again: the plain cookie goes
        List<String> again = CookieChunks.write(CookieNames.SESSION, value(5_000, 11), null, false, jar.keySet());
        assertEquals(value(5_000, 11), read(browser(jar, again)).value());
        assertEquals(Set.of(NAME + ".0", NAME + ".1"), jar.keySet());
    }

    @Test
    void clearingRemovesThePlainCookieAndEveryChunkSent() {
        assertEquals(List.of(NAME), names(CookieChunks.clear(CookieNames.SESSION, false, Set.of())));
        assertEquals(List.of(NAME, NAME + ".0", NAME + ".1", NAME + ".7"),
                names(CookieChunks.clear(CookieNames.SESSION, false, List.of(NAME + ".0", NAME + ".1", NAME + ".7", "other"))));
        assertEquals(List.of(), CookieChunks.clearSent(CookieNames.TOKENS, false, Set.of("lumina.session")));
        assertEquals(List.of("__Host-lumina.tokens.0", "__Host-lumina.tokens.1"),
                names(CookieChunks.clearSent(CookieNames.TOKENS, true, List.of("__Host-lumina.tokens.0", "__Host-lumina.tokens.1"))));
        assertTrue(CookieChunks.sets("lumina.session.0=x; Path=/", NAME));
        assertTrue(CookieChunks.sets("lumina.session=; Max-Age=0", NAME));
        assertFalse(CookieChunks.sets("lumina.sessionx=1", NAME));
    }

    private static List<String> names(List<String> setCookies) {
        return setCookies.stream().map(h -> h.substring(0, h.indexOf('='))).toList();
    }
}
