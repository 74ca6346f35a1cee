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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization response (step 5) by the rules of RFC 6749 section 3.1 (every parameter at most once) and
 * RFC 9207 ({@code iss}): cases S90 and S91 of docs/security-cases.md. Each test changes the callback URL the
 * provider sent back, the way an attacker in the middle (or a hostile provider) would.
 */
class AuthorizationResponseTest {
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
                // tenants named iss* advertise authorization_response_iss_parameter_supported
                .property("lumina.auth.providers.rfc9207.type", "oidc")
                .property("lumina.auth.providers.rfc9207.issuer", idp.issuer("iss"))
                .property("lumina.auth.providers.rfc9207.client-id", HostileIdp.CLIENT_ID)
                .property("lumina.auth.providers.rfc9207.client-secret", "rp-secret")
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

    /** Starts a sign-in, lets the provider answer, and returns the callback URL it sent back. */
    private static Callback callback(String provider) {
        Browser browser = new Browser(app.uri());
        Response start = browser.startSignIn(provider, "/home", "/oops");
        assertEquals(303, start.statusCode(), start.asString());
        String url = browser.authorize(start.header("Location"));
        events.clear();
        return new Callback(browser, url);
    }

    private record Callback(Browser browser, String url) {
        Response with(String extra) {
            return browser.get(url + extra);
        }

        /** The same URL with the named parameter's value replaced by {@code value}, raw. */
        Response replacing(String name, String value) {
            return browser.get(url.replaceAll("([?&])" + name + "=[^&]*", "$1" + name + "=" + value));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private void assertRefused(Response r, String code, String provider) {
        assertFailureRedirect(r, code, provider, events);
        assertTrue(decider.seen().isEmpty(), "no ProfileReceived");
        assertTrue(idp.tokenRequests.isEmpty(), "the code is never redeemed");
    }

    @Test
    void untouchedResponseSignsIn() {
        Response r = callback("plain").with("");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/home"));
    }

    @Test
    void s90_anyRepeatedParameterIsStateInvalidAndTheCodeIsNeverRedeemed() {
        for (String extra : List.of("&error=a&error=b", "&error=access_denied&error=access_denied", "&iss=x&iss=y",
                "&iss=" + enc(idp.issuer("t")) + "&iss=" + enc(idp.issuer("t")), "&session_state=1&session_state=2",
                "&foo=1&foo=1", "&error_description=a&error_description=b")) {
            Callback c = callback("plain");
            idp.tokenRequests.clear();
            assertRefused(c.with(extra), "state_invalid", "plain");
        }
    }

    @Test
    void s90_repeatedStateOrCodeIsStateInvalid() {
        Callback c = callback("plain");
        String state = OidcSignInTest.query(c.url()).get("state");
        idp.tokenRequests.clear();
        assertRefused(c.with("&state=" + enc(state)), "state_invalid", "plain");
        Callback d = callback("plain");
        idp.tokenRequests.clear();
        assertRefused(d.with("&code=other"), "state_invalid", "plain");
    }

    @Test
    void s90_emptyOrOverlongErrorStillEndsTheSignIn() {
        for (String error : List.of("", "x".repeat(5000), "server_error")) {
            Callback c = callback("plain");
            idp.tokenRequests.clear();
            Response r = c.with("&error=" + error);
            assertEquals(303, r.statusCode());
            String got = OidcSignInTest.query(r.header("Location")).get("error");
            assertTrue(List.of("provider_error", "state_invalid").contains(got), got);
            assertTrue(idp.tokenRequests.isEmpty(), "the code is never redeemed");
        }
    }

    @Test
    void s90_emptyCodeIsProviderError() {
        Callback c = callback("plain");
        idp.tokenRequests.clear();
        assertRefused(c.replacing("code", ""), "provider_error", "plain");
    }

    @Test
    void s91_emptyOrWrongIssIsStateInvalidEvenWhenNotAdvertised() {
        for (String iss : List.of("", enc("https://evil.example"), enc(idp.issuer("t") + "/"), enc(idp.issuer("T")),
                enc(idp.issuer("t")).toUpperCase())) {
            Callback c = callback("plain");
            idp.tokenRequests.clear();
            assertRefused(c.with("&iss=" + iss), "state_invalid", "plain");
        }
    }

    @Test
    void s91_issEqualToTheIssuerIsAcceptedAndMayBeAbsentWhenNotAdvertised() {
        Response with = callback("plain").with("&iss=" + enc(idp.issuer("t")));
        assertEquals(303, with.statusCode());
        assertTrue(with.header("Location").endsWith("/home"), with.header("Location"));
    }

    @Test
    void s91_missingIssIsStateInvalidWhenTheProviderAdvertisesIt() {
        assertRefused(callback("rfc9207").with(""), "state_invalid", "rfc9207");
        for (String iss : List.of("", enc(idp.issuer("t")), enc("https://evil.example"))) {
            Callback c = callback("rfc9207");
            idp.tokenRequests.clear();
            assertRefused(c.with("&iss=" + iss), "state_invalid", "rfc9207");
        }
    }

    @Test
    void s91_issOfTheAdvertisingProviderSignsIn() {
        Response r = callback("rfc9207").with("&iss=" + enc(idp.issuer("iss")));
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/home"), r.header("Location"));
    }
}
