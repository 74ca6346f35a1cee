package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.FlowAssertions.assertFailureRedirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Browser;
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
    static HostileApp hostile;

    @BeforeAll
    static void start() {
        hostile = new HostileApp((provider, b) -> {
            HostileApp.oidc(b, "plain", provider.issuer("t"));
            // tenants named iss* advertise authorization_response_iss_parameter_supported
            HostileApp.oidc(b, "rfc9207", provider.issuer("iss"));
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

    /** Starts a sign-in, lets the provider answer, and returns the callback URL it sent back. */
    private static Callback callback(String provider) {
        Browser browser = new Browser(hostile.app.uri());
        Response start = browser.startSignIn(provider, "/home", "/oops");
        assertEquals(303, start.statusCode(), start.asString());
        String url = browser.authorize(start.header("Location"));
        hostile.events.clear();
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
        assertFailureRedirect(r, code, provider, hostile.events);
        assertTrue(hostile.decider.seen().isEmpty(), "no ProfileReceived");
        assertTrue(hostile.idp.tokenRequests.isEmpty(), "the code is never redeemed");
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
                "&iss=" + enc(hostile.idp.issuer("t")) + "&iss=" + enc(hostile.idp.issuer("t")), "&session_state=1&session_state=2",
                "&foo=1&foo=1", "&error_description=a&error_description=b")) {
            Callback c = callback("plain");
            hostile.idp.tokenRequests.clear();
            assertRefused(c.with(extra), "state_invalid", "plain");
        }
    }

    @Test
    void s90_repeatedStateOrCodeIsStateInvalid() {
        Callback c = callback("plain");
        String state = OidcSignInTest.query(c.url()).get("state");
        hostile.idp.tokenRequests.clear();
        assertRefused(c.with("&state=" + enc(state)), "state_invalid", "plain");
        Callback d = callback("plain");
        hostile.idp.tokenRequests.clear();
        assertRefused(d.with("&code=other"), "state_invalid", "plain");
    }

    @Test
    void s90_emptyOrOverlongErrorStillEndsTheSignIn() {
        for (String error : List.of("", "x".repeat(5000), "server_error")) {
            Callback c = callback("plain");
            hostile.idp.tokenRequests.clear();
            Response r = c.with("&error=" + error);
            assertEquals(303, r.statusCode());
            String got = OidcSignInTest.query(r.header("Location")).get("error");
            assertTrue(List.of("provider_error", "state_invalid").contains(got), got);
            assertTrue(hostile.idp.tokenRequests.isEmpty(), "the code is never redeemed");
        }
    }

    @Test
    void s90_emptyCodeIsProviderError() {
        Callback c = callback("plain");
        hostile.idp.tokenRequests.clear();
        assertRefused(c.replacing("code", ""), "provider_error", "plain");
    }

    @Test
    void s91_emptyOrWrongIssIsStateInvalidEvenWhenNotAdvertised() {
        for (String iss : List.of("", enc("https://evil.example"), enc(hostile.idp.issuer("t") + "/"), enc(hostile.idp.issuer("T")),
                enc(hostile.idp.issuer("t")).toUpperCase())) {
            Callback c = callback("plain");
            hostile.idp.tokenRequests.clear();
            assertRefused(c.with("&iss=" + iss), "state_invalid", "plain");
        }
    }

    @Test
    void s91_issEqualToTheIssuerIsAcceptedAndMayBeAbsentWhenNotAdvertised() {
        Response with = callback("plain").with("&iss=" + enc(hostile.idp.issuer("t")));
        assertEquals(303, with.statusCode());
        assertTrue(with.header("Location").endsWith("/home"), with.header("Location"));
    }

    @Test
    void s91_missingIssIsStateInvalidWhenTheProviderAdvertisesIt() {
        assertRefused(callback("rfc9207").with(""), "state_invalid", "rfc9207");
        for (String iss : List.of("", enc(hostile.idp.issuer("t")), enc("https://evil.example"))) {
            Callback c = callback("rfc9207");
            hostile.idp.tokenRequests.clear();
            assertRefused(c.with("&iss=" + iss), "state_invalid", "rfc9207");
        }
    }

    @Test
    void s91_issOfTheAdvertisingProviderSignsIn() {
        Response r = callback("rfc9207").with("&iss=" + enc(hostile.idp.issuer("iss")));
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/home"), r.header("Location"));
    }
}
