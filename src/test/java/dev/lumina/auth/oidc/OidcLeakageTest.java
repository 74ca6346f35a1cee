package dev.lumina.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.TokenSet;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.AllLogs;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/** S79 and S80 over the OpenID Connect flow, at the finest log level. */
class OidcLeakageTest {
    private static final String CLIENT_SECRET = "rp-secret-" + System.nanoTime();

    @Test
    void S79_S80_oidcSuccessAndFailuresLeaveNoSecretInLogsEventsOrRedirects() {
        List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET, TestSecrets.A));
        try (AllLogs logs = AllLogs.all();
             MockIdp idp = new MockIdp();
             LuminaServer app = LuminaServer.builder().port(0)
                     .property("lumina.auth.secret", TestSecrets.A)
                     .property("lumina.auth.providers.dev.type", "oidc")
                     .property("lumina.auth.providers.dev.issuer", idp.issuer())
                     .property("lumina.auth.providers.dev.client-id", "lumina-rp")
                     .property("lumina.auth.providers.dev.client-secret", CLIENT_SECRET)
                     .classes(RecordedEvents.class, ProfileDecider.class)
                     .start()) {
            RecordedEvents events = app.beans().select(RecordedEvents.class).get();
            ProfileDecider decider = app.beans().select(ProfileDecider.class).get();

            // success: (1)-(9)
            Browser browser = new Browser(app.uri());
            Response start = browser.startSignIn("dev", "/home", "/oops");
            String back = browser.authorize(start.header("Location"));
            secrets.add(browser.flowCookie());
            secrets.add(back.replaceAll(".*[?&]code=([^&]+).*", "$1"));
            Response done = browser.get(back);
            assertEquals(303, done.statusCode());
            secrets.add(browser.cookie("lumina.session"));
            RecordedRequest token = idp.next("/token");
            assertNotNull(token);
            String body = token.getBody().readUtf8();
            secrets.add(body.replaceAll(".*code_verifier=([^&]+).*", "$1"));
            TokenSet tokens = decider.seen().get(0).tokens().orElseThrow();
            secrets.add(tokens.accessToken());
            secrets.add(tokens.idToken());
            if (tokens.refreshToken() != null) {
                secrets.add(tokens.refreshToken());
            }

            // failures: the same code replayed (provider error), a wrong state, an observer that throws
            Browser second = new Browser(app.uri());
            second.startSignIn("dev", "/home", "/oops");
            Response replay = second.get(back.replaceAll("state=[^&]+", "state=wrong"));
            Browser third = new Browser(app.uri());
            decider.decide(e -> {
                throw new IllegalStateException("mapping failed for " + e.profile().tokens().map(TokenSet::accessToken).orElse(""));
            });
            Response thrown = third.signIn("dev");
            for (Response failure : List.of(replay, thrown)) {
                String location = String.valueOf(failure.header("Location"));
                // the wrong state finds no flow cookie, so no error URL: the built-in error page
                assertTrue(location.contains(failure == replay ? "/auth/error?error=" : "/oops?error="), location);
                assertFalse(location.contains("Exception") || location.contains("mapping failed"), location);
            }

            String text = logs.text();
            assertTrue(text.contains("LUMINA-"), "the capture saw Lumina's lines");
            for (String s : secrets) {
                assertTrue(s != null && s.length() > 8, "a real value to look for");
                assertFalse(text.contains(s), () -> "a server log line holds a secret: "
                        + text.lines().filter(l -> l.contains(s)).findFirst().orElse(""));
            }
            for (String word : List.of("code_verifier=", "client_secret=", "access_token=", "refresh_token=", "id_token=")) {
                assertFalse(text.contains(word), () -> "a server log line holds " + word + ": "
                        + text.lines().filter(l -> l.contains(word)).findFirst().orElse(""));
            }
            for (AuthFailed e : events.of(AuthFailed.class)) {
                String all = e + "|" + e.reason();
                for (String s : secrets) {
                    assertFalse(all.contains(s), "AuthFailed carries a secret: " + e);
                }
            }
            for (Profile p : decider.seen()) {
                assertFalse(p.toString().contains(tokens.accessToken()));
            }
        }
    }
}
