package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.OidcSignInTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.TokenSet;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.LogCapture;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-out at the provider (OpenID Connect RP-Initiated Logout 1.0) against mock-oauth2-server on loopback, whose
 * {@code end_session_endpoint} sends the browser to {@code post_logout_redirect_uri?state=<state>}: the round trip
 * with its state checked, every refused return, the open-redirect rules, the fallback to a local sign-out and the
 * logout hint cookie.
 */
class ProviderSignOutTest {
    static MockIdp idp;
    static LuminaServer app;
    static RecordedEvents events;
    static ProfileDecider decider;

    @BeforeAll
    static void start() {
        idp = new MockIdp();
        for (int i = 0; i < 3; i++) {
            RestAssured.get(idp.issuer() + "/.well-known/openid-configuration").then().statusCode(200);
        }
        LuminaServer.Builder b = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.allowed-origins", "https://app.example.com")
                .classes(ProbeResource.class, RecordedEvents.class, ProfileDecider.class);
        oidc(b, "dev");
        oidc(b, "devauto").property("lumina.auth.providers.devauto.logout", "provider");
        // the same provider with its endpoints configured: discovery is skipped, so no end_session_endpoint is known
        oidc(b, "noend")
                .property("lumina.auth.providers.noend.authorization-endpoint", idp.issuer() + "/authorize")
                .property("lumina.auth.providers.noend.token-endpoint", idp.issuer() + "/token")
                .property("lumina.auth.providers.noend.jwks-uri", idp.issuer() + "/jwks");
        // an OpenID Connect provider that cannot be reached (nothing listens on the discard port)
        b.property("lumina.auth.providers.down.type", "oidc")
                .property("lumina.auth.providers.down.issuer", "http://127.0.0.1:9/down")
                .property("lumina.auth.providers.down.client-id", "lumina-rp");
        app = b.start();
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    private static LuminaServer.Builder oidc(LuminaServer.Builder b, String id) {
        return b.property("lumina.auth.providers." + id + ".type", "oidc")
                .property("lumina.auth.providers." + id + ".issuer", idp.issuer())
                .property("lumina.auth.providers." + id + ".client-id", "lumina-rp")
                .property("lumina.auth.providers." + id + ".client-secret", "rp-secret");
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @BeforeEach
    void clean() {
        events.clear();
        decider.reset();
    }

    static List<String> setCookies(Response r) {
        return r.getHeaders().getList("Set-Cookie").stream().map(Header::getValue).toList();
    }

    private Browser signedIn(String provider) {
        Browser b = new Browser(app.uri());
        Response done = b.signIn(provider);
        assertEquals(303, done.statusCode(), done.asString());
        assertNotNull(b.cookie("lumina.session"));
        return b;
    }

    private static Response signOut(Browser b, String callbackUrl, String provider) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrfToken", b.csrfToken());
        if (callbackUrl != null) {
            form.put("callbackUrl", callbackUrl);
        }
        if (provider != null) {
            form.put("provider", provider);
        }
        return b.postForm("auth/signout", form);
    }

    private String app(String path) {
        return app.uri() + path;
    }

    /** The path and query of an application URL, for the browser. */
    private String relative(String url) {
        return url.substring(app.uri().toString().length());
    }

    @Test
    void roundTripEndsTheSessionAtTheProviderAndLandsOnTheCallbackUrlWithTheStateChecked() {
        Browser b = signedIn("dev");
        String idToken = decider.seen().get(0).tokens().map(TokenSet::idToken).orElseThrow();
        String hint = b.cookie("lumina.logout-hint");
        assertNotNull(hint, "the sign-in wrote the logout hint");
        System.out.println("logout hint of a mock-oauth2-server ID token (" + idToken.length() + " characters): cookie value "
                + hint.length() + " characters");

        Response out = signOut(b, "/bye", "true");
        assertEquals(303, out.statusCode(), out.asString());
        String endSession = out.header("Location");
        assertTrue(endSession.startsWith(idp.issuer() + "/endsession?"), endSession);
        Map<String, String> q = query(endSession);
        assertEquals(idToken, q.get("id_token_hint"), "the ID token of this sign-in");
        assertEquals("lumina-rp", q.get("client_id"));
        assertEquals(app("auth/signout/callback/dev"), q.get("post_logout_redirect_uri"));
        assertTrue(q.get("state").length() >= 22, "128 bits of state");
        assertFalse(endSession.contains("bye"), "the landing URL stays in the sealed cookie");
        // signed out here before the provider is even asked
        assertNull(b.cookie("lumina.session"));
        assertNull(b.cookie("lumina.logout-hint"));
        assertNotNull(b.cookie("lumina.logout"));
        assertEquals("dev", events.of(SignedOut.class).get(0).session().provider());
        b.get("probe/whoami").then().body(org.hamcrest.Matchers.equalTo("anonymous|-"));

        String back = b.authorize(endSession);
        assertEquals(app("auth/signout/callback/dev") + "?state=" + q.get("state"), back);
        Response landed = b.get(relative(back));
        assertEquals(303, landed.statusCode());
        assertEquals(app("bye"), landed.header("Location"));
        assertEquals("no-referrer", landed.header("Referrer-Policy"), "its URL holds the state");
        assertTrue(setCookies(landed).stream().anyMatch(c -> c.startsWith("lumina.logout=;") && c.contains("Max-Age=0")));
        assertNull(b.cookie("lumina.logout"));
        assertTrue(events.of(AuthFailed.class).isEmpty(), events.of(AuthFailed.class).toString());
    }

    @Test
    void theLogoutHintIsSealedHttpOnlyLaxAndScopedToTheBasePath() {
        Browser b = new Browser(app.uri());
        Response start = b.startSignIn("dev", "/home", "/oops");
        Response done = b.get(relative(b.authorize(start.header("Location"))));
        String set = setCookies(done).stream().filter(c -> c.startsWith("lumina.logout-hint=")).findFirst().orElseThrow();
        assertTrue(set.contains("; Path=/auth;"), set);
        assertTrue(set.contains("; HttpOnly"), set);
        assertTrue(set.contains("; SameSite=Lax"), set);
        assertFalse(set.contains("Domain"), set);
        assertTrue(set.contains("; Max-Age=604800"), "as long as the longest session: " + set);
        String value = b.cookie("lumina.logout-hint");
        assertEquals(5, value.split("\\.", -1).length, "a compact JWE");
        String idToken = decider.seen().get(0).tokens().map(TokenSet::idToken).orElseThrow();
        assertFalse(value.contains(idToken.substring(idToken.indexOf('.') + 1, idToken.indexOf('.') + 20)),
                "the ID token is not readable in the cookie");
        System.out.println("Set-Cookie of the logout hint: " + set.length() + " bytes");
    }

    @Test
    void fetchClientsGetTheProvidersUrlAsJsonWithTheFlagAsBooleanOrString() {
        for (String flag : List.of("true", "\"true\"")) {
            Browser b = signedIn("dev");
            Response r = RestAssured.given().redirects().follow(false).cookies(b.cookies())
                    .accept("application/json").contentType("application/json")
                    .body("{\"csrfToken\":\"" + b.csrfToken() + "\",\"callbackUrl\":\"/bye\",\"provider\":" + flag + "}")
                    .post(app("auth/signout"));
            assertEquals(200, r.statusCode(), r.asString());
            assertTrue(r.jsonPath().getString("url").startsWith(idp.issuer() + "/endsession?"), r.asString());
            assertTrue(setCookies(r).stream().anyMatch(c -> c.startsWith("lumina.logout=") && !c.contains("Max-Age=0")));
        }
    }

    @Test
    void aReturnWithAWrongMissingRepeatedOrReplayedStateLandsOnTheErrorPageWithStateInvalid() {
        Browser b = signedIn("dev");
        String endSession = signOut(b, "/bye", "true").header("Location");
        String state = query(endSession).get("state");
        String base = "auth/signout/callback/dev";
        List<String> refused = List.of(base, base + "?state=", base + "?state=" + state + "x",
                base + "?state=" + state.substring(1), base + "?state=" + state + "&state=" + state,
                base + "?state=%00" + state);
        for (String url : refused) {
            Browser copy = new Browser(app.uri()).cookie("lumina.logout", b.cookie("lumina.logout"));
            assertRefused(copy.get(url), "dev", url);
        }
        // the real return completes once; the same URL again finds no logout cookie
        Response ok = b.get(base + "?state=" + state);
        assertEquals(app("bye"), ok.header("Location"));
        assertRefused(b.get(base + "?state=" + state), "dev", "replayed");
    }

    @Test
    void anotherBrowsersStateOrATamperedOrForeignLogoutCookieIsRefused() {
        Browser alice = signedIn("dev");
        Browser mallory = signedIn("dev");
        String aliceReturn = relative(alice.authorize(signOut(alice, "/alice", "true").header("Location")));
        signOut(mallory, "/mallory", "true");
        // another browser: its own logout cookie, the state of Alice's sign-out
        assertRefused(mallory.get(aliceReturn), "dev", "Alice's state in Mallory's browser");
        // no cookie at all (a return that Lumina did not start, or a cookie that expired)
        assertRefused(new Browser(app.uri()).get(aliceReturn), "dev", "no logout cookie");
        // Alice's cookie, tampered
        String good = alice.cookie("lumina.logout");
        char[] c = good.toCharArray();
        c[good.length() / 2] = c[good.length() / 2] == 'A' ? 'B' : 'A';
        for (String bad : List.of(new String(c), good + "==", good.substring(0, good.length() - 4), "x")) {
            assertRefused(new Browser(app.uri()).cookie("lumina.logout", bad).get(aliceReturn), "dev", "tampered");
        }
        // Alice's cookie and state at another provider's return path
        Browser copy = new Browser(app.uri()).cookie("lumina.logout", good);
        assertRefused(copy.get(aliceReturn.replace("/callback/dev", "/callback/devauto")), "devauto", "another provider");
        // a flow cookie (sealed with the flow key) never opens as a logout cookie
        Browser flow = new Browser(app.uri());
        Map<String, String> q = query(flow.startSignIn("dev", "/home", "/oops").header("Location"));
        assertRefused(new Browser(app.uri()).cookie("lumina.logout", flow.flowCookie())
                .get("auth/signout/callback/dev?state=" + q.get("state")), "dev", "a flow cookie");
        // an unknown provider id is refused without being echoed
        Response unknown = new Browser(app.uri()).cookie("lumina.logout", good).get(aliceReturn.replace("/callback/dev", "/callback/%3Cx%3E"));
        assertEquals(303, unknown.statusCode());
        assertFalse(unknown.header("Location").contains("provider="), unknown.header("Location"));
        // and Alice's own return still works
        assertEquals(app("alice"), alice.get(aliceReturn).header("Location"));
    }

    private void assertRefused(Response r, String provider, String what) {
        assertEquals(303, r.statusCode(), what);
        String location = r.header("Location");
        assertTrue(location.startsWith(app("auth/error?error=state_invalid&provider=" + provider)), what + ": " + location);
        assertTrue(setCookies(r).stream().anyMatch(c -> c.startsWith("lumina.logout=;")), what + ": the logout cookie is cleared");
        assertFalse(r.asString().contains("Exception"), what);
        assertEquals(AuthError.STATE_INVALID, events.of(AuthFailed.class).get(events.of(AuthFailed.class).size() - 1).error(), what);
    }

    @Test
    void aCallbackUrlOutsideTheAllowedOriginsIsRefusedBeforeTheProviderIsAsked() {
        for (String target : List.of("https://evil.example/steal", "//evil.example", "/\\evil.example", "javascript:alert(1)")) {
            events.clear();
            Browser b = signedIn("dev");
            Response out = signOut(b, target, "true");
            assertEquals(303, out.statusCode());
            String endSession = out.header("Location");
            assertTrue(endSession.startsWith(idp.issuer() + "/endsession?"), "the sign-out at the provider goes on: " + endSession);
            assertFalse(endSession.contains("evil"), endSession);
            assertEquals(AuthError.INVALID_REDIRECT, events.of(AuthFailed.class).get(0).error(), target);
            Response landed = b.get(relative(b.authorize(endSession)));
            assertEquals(app(""), landed.header("Location"), "the default, never " + target);
        }
        Browser b = signedIn("dev");
        Response landed = b.get(relative(b.authorize(signOut(b, "https://app.example.com/home", "true").header("Location"))));
        assertEquals("https://app.example.com/home", landed.header("Location"), "an allowed origin");
    }

    @Test
    void aProviderWithoutEndSessionEndpointSignsOutLocallyAndSaysSo() {
        Browser b = signedIn("noend");
        assertNull(b.cookie("lumina.logout-hint"), "no hint for a provider that cannot end its session");
        try (LogCapture log = new LogCapture()) {
            Response out = signOut(b, "/bye", "true");
            assertEquals(app("bye"), out.header("Location"));
            assertTrue(log.all().contains("LUMINA-1201"), log.all());
        }
        assertNull(b.cookie("lumina.session"));
        assertNull(b.cookie("lumina.logout"));
        assertEquals(1, events.of(SignedOut.class).size());
    }

    @Test
    void aProviderWhoseDiscoveryCannotBeReadSignsOutLocallyAndWarns() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        dev.lumina.auth.Session session = dev.lumina.auth.Session.builder().id("s-down").subject("u").provider("down")
                .authenticatedAt(now).issuedAt(now).expiresAt(now.plusSeconds(600)).build();
        Browser b = new Browser(app.uri())
                .cookie("lumina.session", new dev.lumina.auth.testing.SessionMinter(TestSecrets.A).codec().encode(session));
        b.get("probe/whoami").then().body(org.hamcrest.Matchers.startsWith("u|"));
        try (LogCapture log = new LogCapture()) {
            Response out = signOut(b, "/bye", "true");
            assertEquals(app("bye"), out.header("Location"), "signed out here, nowhere else");
            assertTrue(log.all().contains("LUMINA-1202 a sign-out at provider down was asked for"), log.all());
        }
        assertNull(b.cookie("lumina.session"));
        assertNull(b.cookie("lumina.logout"));
        assertEquals(1, events.of(SignedOut.class).size());
    }

    @Test
    void aLocalSignOutIsUnchangedAndTheProvidersSettingDecidesWithoutTheField() {
        Browser local = signedIn("dev");
        Response out = signOut(local, "/bye", null);
        assertEquals(app("bye"), out.header("Location"), "logout=local by default");
        assertTrue(setCookies(out).stream().anyMatch(c -> c.startsWith("lumina.logout-hint=;") && c.contains("Path=/auth")),
                "the hint is cleared by every sign-out: " + setCookies(out));
        assertNull(local.cookie("lumina.logout"));

        Browser auto = signedIn("devauto");
        assertTrue(signOut(auto, "/bye", null).header("Location").startsWith(idp.issuer() + "/endsession?"), "logout=provider");
        Browser refusing = signedIn("devauto");
        assertEquals(app("bye"), signOut(refusing, "/bye", "false").header("Location"), "provider=false wins");
        Browser anonymous = new Browser(app.uri());
        assertEquals(app("bye"), signOut(anonymous, "/bye", "true").header("Location"), "nobody to sign out at a provider");
    }

    @Test
    void withoutAHintOfThisSessionTheProviderGetsClientIdOnly() {
        Browser alice = signedIn("dev");
        Browser bob = signedIn("dev");
        String alicesHint = alice.cookie("lumina.logout-hint");
        // Bob's browser with Alice's hint: bound to Alice's session, so not sent for Bob's
        bob.cookie("lumina.logout-hint", alicesHint);
        Map<String, String> q = query(signOut(bob, "/bye", "true").header("Location"));
        assertNull(q.get("id_token_hint"), q.toString());
        assertEquals("lumina-rp", q.get("client_id"));
        // no hint, or one that does not open
        for (String hint : new String[] {null, alicesHint + "x", "junk"}) {
            Browser b = signedIn("dev");
            b.forget("lumina.logout-hint");
            if (hint != null) {
                b.cookie("lumina.logout-hint", hint);
            }
            Map<String, String> p = query(signOut(b, "/bye", "true").header("Location"));
            assertNull(p.get("id_token_hint"), String.valueOf(hint));
            assertEquals("lumina-rp", p.get("client_id"));
            assertNotNull(p.get("state"));
        }
    }

    @Test
    void aNewSignInReplacesOrClearsTheHint() {
        Browser b = signedIn("dev");
        String first = b.cookie("lumina.logout-hint");
        Response again = b.signIn("dev");
        assertTrue(setCookies(again).stream().anyMatch(c -> c.startsWith("lumina.logout-hint=ey")), "a new hint");
        assertFalse(first.equals(b.cookie("lumina.logout-hint")));
        Response other = b.signIn("noend");
        assertTrue(setCookies(other).stream().anyMatch(c -> c.startsWith("lumina.logout-hint=;") && c.contains("Max-Age=0")),
                "a provider without end_session_endpoint clears it: " + setCookies(other));
        assertNull(b.cookie("lumina.logout-hint"));
    }
}
