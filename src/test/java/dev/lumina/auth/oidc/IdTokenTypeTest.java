package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.FlowAssertions.assertFailureRedirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
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
    static HostileIdp idp;
    static LuminaServer app;
    static RecordedEvents events;
    static ProfileDecider decider;

    @BeforeAll
    static void start() {
        idp = new HostileIdp();
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.plain.type", "oidc")
                .property("lumina.auth.providers.plain.issuer", idp.issuer("t"))
                .property("lumina.auth.providers.plain.client-id", HostileIdp.CLIENT_ID)
                .property("lumina.auth.providers.plain.client-secret", "rp-secret")
                .classes(ProbeResource.class, RecordedEvents.class, ProfileDecider.class)
                .start();
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @BeforeEach
    void clean() {
        idp.reset();
        events.clear();
        decider.reset();
    }

    private Response signIn() {
        events.clear();
        decider.reset();
        return new Browser(app.uri()).signIn("plain");
    }

    @Test
    void s92_idTokenTypedAsAccessOrLogoutTokenRedirectsIdTokenInvalid() {
        for (String typ : List.of("at+jwt", "AT+JWT", "application/at+jwt", "Application/At+Jwt", "logout+jwt",
                "application/logout+jwt", "LOGOUT+JWT", "secevent+jwt", "dpop+jwt", "at+JWT ", "JWS", "")) {
            idp.typ = typ;
            assertFailureRedirect(signIn(), "id_token_invalid", "plain", events);
            assertTrue(decider.seen().isEmpty(), "no ProfileReceived for typ " + typ);
        }
    }

    @Test
    void s92_idTokenWithoutTypOrTypedJwtIsAccepted() {
        for (String typ : Arrays.asList(null, "JWT", "jwt", "application/jwt", "application/JWT")) {
            idp.typ = typ;
            Response r = signIn();
            assertEquals(303, r.statusCode(), "typ " + typ);
            assertTrue(r.header("Location").endsWith("/home"), "typ " + typ + ": " + r.header("Location"));
        }
    }
}
