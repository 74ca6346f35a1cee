package dev.lumina.auth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetCookieTest {
    @Test
    void s56_secureCookieHasHostPrefixAndAllFlags() {
        String c = SetCookie.of(CookieNames.SESSION, "v", Duration.ofHours(6), true);
        assertEquals("__Host-lumina.session=v; Max-Age=21600; Path=/; HttpOnly; SameSite=Lax; Secure", c);
        assertFalse(c.contains("Domain"));
    }

    @Test
    void plainHttpCookieHasNoPrefixNorSecure() {
        assertEquals("lumina.csrf=v; Path=/; HttpOnly; SameSite=Lax", SetCookie.of(CookieNames.CSRF, "v", null, false));
    }

    @Test
    void s60_clearingUsesSameNamePathAndFlags() {
        assertEquals("__Host-lumina.session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure",
                SetCookie.clear(CookieNames.SESSION, true));
        assertEquals("lumina.flow=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
                SetCookie.clear(CookieNames.FLOW, false));
    }

    @Test
    void s61_sessionTooLargeForABrowserIsRefusedLoudly() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            groups.add("group-number-" + i);
        }
        Instant now = Instant.now();
        Session big = Session.builder().id("x").subject("u").claim("groups", groups)
                .authenticatedAt(now).issuedAt(now).expiresAt(now.plusSeconds(60)).build();
        String token = new SessionMinter(TestSecrets.A).codec().encode(big);
        assertTrue(token.length() > SetCookie.MAX_BYTES);
        AuthException e = assertThrows(AuthException.class, () -> SetCookie.of(CookieNames.SESSION, token, Duration.ofHours(1), true));
        assertEquals(AuthError.SERVER_ERROR, e.error());
        assertTrue(e.getMessage().contains("fewer claims"), e.getMessage());
    }
}
