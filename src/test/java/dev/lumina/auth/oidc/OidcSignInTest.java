package dev.lumina.auth.oidc;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.SignedIn;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.oauth.Pkce;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole flow against mock-oauth2-server on loopback. */
class OidcSignInTest {
    static MockIdp idp;
    static HostileIdp faults;
    static LuminaServer app;
    static RecordedEvents events;
    static ProfileDecider decider;

    @BeforeAll
    static void start() {
        idp = new MockIdp();
        faults = new HostileIdp();
        // the provider's first answers are slow while its JVM warms up: not what these tests are about
        for (int i = 0; i < 3; i++) {
            io.restassured.RestAssured.get(idp.issuer() + "/.well-known/openid-configuration").then().statusCode(200);
            io.restassured.RestAssured.get(idp.issuer() + "/jwks").then().statusCode(200);
        }
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", idp.issuer())
                .property("lumina.auth.providers.dev.client-id", "lumina-rp")
                .property("lumina.auth.providers.dev.client-secret", "rp-secret")
                // the same provider, with its token endpoint replaced by one that misbehaves on demand
                .property("lumina.auth.providers.devfault.type", "oidc")
                .property("lumina.auth.providers.devfault.issuer", idp.issuer())
                .property("lumina.auth.providers.devfault.client-id", "lumina-rp")
                .property("lumina.auth.providers.devfault.token-endpoint", faults.issuer("f") + "/token")
                .property("lumina.auth.http.read-timeout", "PT3S")
                .classes(ProbeResource.class, RecordedEvents.class, ProfileDecider.class)
                .start();
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
        faults.close();
    }

    @BeforeEach
    void clean() throws InterruptedException {
        events.clear();
        decider.reset();
        idp.drain();
        faults.reset();
    }

    static Map<String, String> query(String url) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    static Map<String, String> form(RecordedRequest r) {
        return query("http://x/?" + r.getBody().readUtf8());
    }

    RecordedRequest next(String pathPart) {
        return idp.next(pathPart);
    }

    @Test
    void signInSucceedsWithPkceStateAndNonceCheckedOnTheWire() throws Exception {
        Browser browser = new Browser(app.uri());
        Response start = browser.startSignIn("dev", "/home", "/oops");
        assertEquals(303, start.statusCode());
        String authorize = start.header("Location");
        Map<String, String> q = query(authorize);
        String back = browser.authorize(authorize);
        assertTrue(back.contains("state=" + q.get("state")), "the provider returns our state");

        Response done = browser.get(back);
        assertEquals(303, done.statusCode());
        assertEquals(app.uri() + "home", done.header("Location"), "303 to the callback URL (JAX-RS makes it absolute)");
        assertNotNull(browser.cookie("lumina.session"));
        assertEquals(null, browser.flowCookie(), "flow cookie cleared");

        RecordedRequest token = next("/token");
        assertNotNull(token, "token request made");
        Map<String, String> form = form(token);
        assertEquals(q.get("code_challenge"), Pkce.challenge(form.get("code_verifier")), "verifier of this flow");
        assertEquals(back.replaceAll(".*code=([^&]+).*", "$1"), form.get("code"));
        assertEquals(app.uri() + "auth/callback/dev", form.get("redirect_uri"));
        assertTrue(token.getHeader("Authorization").startsWith("Basic "), "client_secret_basic");

        String nonce = (String) decider.seen().get(0).claims().get("nonce");
        assertEquals(q.get("nonce"), nonce, "the ID token echoes the nonce we sent");
        browser.get("probe/whoami").then().body(equalTo("dev:user|dev:user".replace("user", decider.seen().get(0).subject())));
        assertEquals(1, events.of(SignedIn.class).size());
        assertEquals(0, events.of(AuthFailed.class).size());
    }
}
