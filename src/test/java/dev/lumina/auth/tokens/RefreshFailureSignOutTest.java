package dev.lumina.auth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TokensProbe;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code lumina.auth.tokens.on-refresh-failure=sign-out}: a refused refresh ends the session in the same response. */
class RefreshFailureSignOutTest {
    static TokenIdp idp;
    static LuminaServer app;

    @BeforeAll
    static void start() {
        idp = new TokenIdp();
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.tokens.on-refresh-failure", "sign-out")
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", idp.issuer("short"))
                .property("lumina.auth.providers.dev.client-id", "lumina-rp")
                .property("lumina.auth.providers.dev.client-secret", "rp-secret")
                .property("lumina.auth.providers.dev.keep-tokens", "true")
                .classes(ProbeResource.class, TokensProbe.class, RecordedEvents.class)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @Test
    void aRefusedRefreshSignsOut() {
        Browser browser = new Browser(app.uri());
        assertEquals(303, browser.signIn("dev").statusCode());
        KeptTokens real = TokenIdp.open(TokenIdp.tokensCookie(browser));
        browser.cookie("lumina.tokens", TokenIdp.seal().seal(new KeptTokens("dev", real.sessionId(), real.accessToken(),
                real.expiresAt(), real.scopes(), "unknown-to-the-provider", real.notAfter())));
        idp.drain();
        Response r = browser.get("tokens/access");
        assertEquals(401, r.statusCode());
        assertEquals("token_refresh_failed", r.jsonPath().getString("error"));
        assertEquals(List.of("unknown-to-the-provider"), idp.refreshes());
        List<String> cleared = r.headers().getValues("Set-Cookie");
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith("lumina.session=; Max-Age=0")), cleared.toString());
        assertTrue(cleared.stream().anyMatch(c -> c.startsWith("lumina.tokens=; Max-Age=0")), cleared.toString());
        assertTrue(cleared.stream().noneMatch(c -> c.startsWith("lumina.session=e")), "no renewal beside the clearing");
        assertNull(browser.cookie("lumina.session"));
        assertEquals("anonymous|-", browser.get("probe/whoami").asString());
        List<AuthFailed> failed = app.beans().select(RecordedEvents.class).get().of(AuthFailed.class);
        assertEquals(1, failed.stream().filter(f -> f.error() == AuthError.TOKEN_REFRESH_FAILED).count());
    }
}
