package dev.lumina.auth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.internal.web.CookieChunks;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.SetCookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The size of the tokens cookie for the token sets of typical providers (shapes and lengths as they issue them),
 * printed as figures for the README; each fits within the bound, most in one cookie.
 */
class TokensCookieSizesTest {
    static final Random RANDOM = new Random(42);

    static String chars(String prefix, int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b).substring(0, length - prefix.length());
    }

    /** A JWT of about {@code length} characters (Keycloak's RS256 access token, HS512 refresh token). */
    static String jwt(int length) {
        return chars("eyJhbGciOiJSUzI1NiIsInR5cCIgOiAiSldUIiwia2lkIiA6ICJ", length / 3) + "." + chars("eyJ", length / 3) + "."
                + chars("", length - 2 * (length / 3) - 2);
    }

    static int measure(String name, String accessToken, Duration expiresIn, List<String> scopes, String refreshToken) {
        Instant now = Instant.now();
        KeptTokens kept = new KeptTokens("p", "0123456789abcdef0123456789abcdef"/* a session id's length */, accessToken,
                expiresIn == null ? null : now.plus(expiresIn), scopes, refreshToken, now.plus(Duration.ofDays(7)));
        String sealed = TokenIdp.seal().seal(kept);
        List<String> headers = CookieChunks.write(CookieNames.TOKENS, sealed, Duration.ofDays(7), true, Set.of());
        int bytes = headers.stream().mapToInt(h -> h.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.println("[figures] tokens cookie, " + name + ": tokens " + (accessToken.length()
                + (refreshToken == null ? 0 : refreshToken.length())) + " chars, sealed " + sealed.length() + " chars, "
                + headers.size() + " cookie(s), Set-Cookie " + bytes + " bytes");
        headers.forEach(h -> assertTrue(h.length() <= SetCookie.MAX_BYTES));
        assertEquals(kept.accessToken(), TokenIdp.open(sealed).accessToken());
        return headers.size();
    }

    @Test
    void typicalTokenSetsFit() {
        assertEquals(1, measure("Google", chars("ya29.", 218), Duration.ofSeconds(3599),
                List.of("openid", "https://www.googleapis.com/auth/userinfo.email", "https://www.googleapis.com/auth/userinfo.profile"),
                chars("1//0", 103)));
        assertEquals(1, measure("GitHub OAuth App", chars("gho_", 40), null, List.of("read:user", "user:email"), null));
        assertEquals(1, measure("GitHub App", chars("ghu_", 40), Duration.ofHours(8), List.of(), chars("ghr_", 80)));
        int keycloak = measure("Keycloak", jwt(1812), Duration.ofMinutes(5), List.of("openid", "profile", "email", "offline_access"),
                jwt(850));
        assertTrue(keycloak <= 2, "a Keycloak set takes at most two chunks");
        assertTrue(measure("Keycloak with many roles (5 KB access token)", jwt(5000), Duration.ofMinutes(5), List.of("openid"),
                jwt(850)) <= CookieChunks.MAX_CHUNKS);
    }
}
