package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.FlowAssertions.assertFailureRedirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Browser;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ID token's {@code typ} header (RFC 8725 section 3.11, RFC 9068): another kind of token signed by the same
 * provider is no ID token. Case S92 of docs/security-cases.md.
 */
class IdTokenTypeTest {
    static HostileApp hostile;

    @BeforeAll
    static void start() {
        hostile = new HostileApp((provider, b) -> {
            HostileApp.oidc(b, "plain", provider.issuer("t"));
        });
    }

    @AfterAll
    static void stop() {
        hostile.close();
    }

    @BeforeEach
    void clean() {
        hostile.reset();
    }

    private Response signIn() {
        hostile.events.clear();
        hostile.decider.reset();
        return new Browser(hostile.app.uri()).signIn("plain");
    }

    @Test
    void s92_idTokenTypedAsAccessOrLogoutTokenRedirectsIdTokenInvalid() {
        for (String typ : List.of("at+jwt", "AT+JWT", "application/at+jwt", "Application/At+Jwt", "logout+jwt",
                "application/logout+jwt", "LOGOUT+JWT", "secevent+jwt", "dpop+jwt", "at+JWT ", "JWS", "")) {
            hostile.idp.typ = typ;
            assertFailureRedirect(signIn(), "id_token_invalid", "plain", hostile.events);
            assertTrue(hostile.decider.seen().isEmpty(), "no ProfileReceived for typ " + typ);
        }
    }

    @Test
    void s92_idTokenWithoutTypOrTypedJwtIsAccepted() {
        for (String typ : Arrays.asList(null, "JWT", "jwt", "application/jwt", "application/JWT")) {
            hostile.idp.typ = typ;
            Response r = signIn();
            assertEquals(303, r.statusCode(), "typ " + typ);
            assertTrue(r.header("Location").endsWith("/home"), "typ " + typ + ": " + r.header("Location"));
        }
    }
}
