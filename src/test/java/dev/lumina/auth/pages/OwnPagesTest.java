package dev.lumina.auth.pages;

import static dev.lumina.auth.testing.Browserless.at;
import static org.hamcrest.Matchers.endsWith;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.TestSecrets;
import org.junit.jupiter.api.Test;

/** lumina.auth.pages.sign-in and lumina.auth.pages.error: the application's own pages replace the built-in ones. */
class OwnPagesTest {
    @Test
    void configuredPagesReplaceTheBuiltInOnesKeepingTheQuery() {
        try (LuminaServer server = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.pages.sign-in", "/login")
                .property("lumina.auth.pages.error", "/oops?from=auth")
                .property("lumina.auth.providers.login.type", "credentials")
                .start()) {
            at(server).queryParam("callbackUrl", "/x").get("auth/signin").then().statusCode(303)
                    .header("Location", endsWith("/login?callbackUrl=%2Fx"));
            at(server).queryParam("error", "state_invalid").get("auth/error").then().statusCode(303)
                    .header("Location", endsWith("/oops?from=auth&error=state_invalid"));
        }
    }
}
