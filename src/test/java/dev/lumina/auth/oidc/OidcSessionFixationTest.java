package dev.lumina.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.Session;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** S63 through the OAuth callback (the credentials half is in CredentialsSignInTest). */
class OidcSessionFixationTest {
    @Test
    void S63_oauthCallbackReplacesAPlantedSessionWithAFreshOne() {
        try (MockIdp idp = new MockIdp();
             LuminaServer app = LuminaServer.builder().port(0)
                     .property("lumina.auth.secret", TestSecrets.A)
                     .property("lumina.auth.providers.dev.type", "oidc")
                     .property("lumina.auth.providers.dev.issuer", idp.issuer())
                     .property("lumina.auth.providers.dev.client-id", "lumina-rp")
                     .property("lumina.auth.providers.dev.client-secret", "rp-secret")
                     .start()) {
            SessionMinter minter = new SessionMinter(TestSecrets.A);
            String planted = minter.token("mallory", "admin");
            Session before = minter.codec().decode(planted);
            Browser browser = new Browser(app.uri()).cookie("lumina.session", planted);
            Response done = browser.signIn("dev");
            assertEquals(303, done.statusCode(), done.asString());
            String issued = browser.cookie("lumina.session");
            assertTrue(issued != null && !issued.equals(planted), "a new session cookie");
            Session after = minter.codec().decode(issued);
            assertTrue(after.subject().startsWith("dev:"), after.subject());
            assertNotEquals(before.id(), after.id(), "a new session id");
            assertTrue(after.roles().isEmpty(), "nothing of the planted session is carried over");
            assertFalse(after.issuedAt().isBefore(before.issuedAt()), "a new issue time");
        }
    }
}
