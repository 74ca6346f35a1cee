package dev.lumina.auth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The prefixes: {@code __Host-} for the cookies of {@code Path=/}, {@code __Secure-} for the base-path ones. */
class CookieNamesTest {
    @Test
    void rootPathCookiesAreHostPrefixedTheLogoutHintSecurePrefixed() {
        for (CookieNames c : CookieNames.values()) {
            assertEquals(c.baseName(), c.name(false), c.name());
            assertEquals((c == CookieNames.LOGOUT_HINT ? "__Secure-" : "__Host-") + c.baseName(), c.name(true), c.name());
        }
    }

    @Test
    void theLogoutHintIsWrittenAndClearedOnTheBasePath() {
        String name = CookieNames.LOGOUT_HINT.name(true);
        assertEquals("__Secure-lumina.logout-hint=v; Max-Age=60; Path=/ctx/auth; HttpOnly; SameSite=Lax; Secure",
                SetCookie.named(name, "logout hint", "v", Duration.ofSeconds(60), true, "/ctx/auth"));
        assertEquals("__Secure-lumina.logout-hint=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/ctx/auth; HttpOnly; "
                + "SameSite=Lax; Secure", SetCookie.clear(name, true, "/ctx/auth"));
        assertEquals("/ctx/auth", new RequestFacts(true, java.net.URI.create("https://a.example/ctx/"), "/ctx/", "auth/").endpointsPath());
        assertEquals("/api/login", new RequestFacts(false, java.net.URI.create("http://localhost/"), "/", "api/login/").endpointsPath());
    }
}
