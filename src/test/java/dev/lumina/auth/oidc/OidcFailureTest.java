package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.FlowAssertions.assertFailureRedirect;
import static dev.lumina.auth.oidc.FlowAssertions.setCookies;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Profile;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.FlowState;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;

/** Failure paths of the flow against mock-oauth2-server (S14-S28, S47, S57, S73, S75, S77, S83). */
class OidcFailureTest extends OidcSignInTest {

    /** (1)-(3): a started sign-in and the provider's redirect back, not yet followed. */
    record Started(Browser browser, Map<String, String> authorize, String back) {
        String state() {
            return authorize.get("state");
        }
    }

    Started started(String provider) {
        Browser browser = new Browser(app.uri());
        Response start = browser.startSignIn(provider, "/home", "/oops");
        assertEquals(303, start.statusCode());
        String authorize = start.header("Location");
        return new Started(browser, query(authorize), browser.authorize(authorize));
    }

    String callback(String provider, String query) {
        return "auth/callback/" + provider + "?" + query;
    }

    void assertNoTokenRequest() {
        assertNull(idp.next("/token"), "no request to the token endpoint");
    }

    // ---- state and flow cookie (5)

    @Test
    void s15_callbackWithoutStateRedirectsStateInvalid() {
        Started s = started("dev");
        idp.drain();
        Response r = s.browser().get(callback("dev", "code=abc"));
        assertFailureRedirect(r, "state_invalid", "dev", events);
        // without a state no flow cookie is known, nor its error URL: the built-in error page
        assertEquals("/auth/error", FlowAssertions.path(r));
        // no state names a flow: every flow cookie of the browser stays (one per sign-in, each expires by itself)
        assertNotNull(s.browser().flowCookie(), "the sign-in's own cookie is not cleared by a callback without its state");
        assertNoTokenRequest();
    }

    @Test
    void s16_callbackWithAttackersCodeAndStateRedirectsStateInvalid() {
        Started attacker = started("dev");
        Started victim = started("dev");
        idp.drain();
        String attackersCallback = attacker.back().substring(app.uri().toString().length());
        Response r = victim.browser().get(attackersCallback);
        assertFailureRedirect(r, "state_invalid", "dev", events);
        assertNoTokenRequest();
        victim.browser().get("probe/whoami").then().body(equalTo("anonymous|-"));
    }

    @Test
    void s17_callbackWithoutFlowCookieRedirectsStateInvalidAndNeverBackToTheProvider() {
        Started s = started("dev");
        idp.drain();
        s.browser().forgetFlowCookies();
        try (dev.lumina.auth.testing.LogCapture log = new dev.lumina.auth.testing.LogCapture()) {
            for (int i = 0; i < 3; i++) {
                events.clear();
                Response r = s.browser().get(s.back().substring(app.uri().toString().length()));
                assertFailureRedirect(r, "state_invalid", "dev", events);
                assertTrue(r.header("Location").startsWith(app.uri() + "auth/error?"), "the built-in error page: " + r.header("Location"));
                assertFalse(r.header("Location").contains(idp.issuer()), "not back to the provider");
            }
            // the log says why: the origin the callback came to, and the likely cause
            assertTrue(log.all().contains("LUMINA-2105 callback of provider dev at " + app.uri() + " came without a flow cookie"), log.all());
            assertTrue(log.all().contains("another origin"), log.all());
        }
        assertNoTokenRequest();
    }

    @Test
    void s18_tamperedFlowCookieRedirectsStateInvalid() {
        Started s = started("dev");
        String name = s.browser().flowCookieName();
        String good = s.browser().flowCookie();
        char[] c = good.toCharArray();
        int i = good.length() / 2;
        c[i] = c[i] == 'A' ? 'B' : 'A';
        List<String> tampered = List.of(new String(c), good.substring(0, good.length() - 5), good + "==", good.replace('.', '_'), "x");
        idp.drain();
        for (String bad : tampered) {
            events.clear();
            s.browser().cookie(name, bad);
            Response r = s.browser().get(s.back().substring(app.uri().toString().length()));
            assertFailureRedirect(r, "state_invalid", "dev", events);
        }
        assertNoTokenRequest();
    }

    @Test
    void s19_flowCookieOlderThanItsLifetimeRedirectsStateInvalid() {
        // sealed by this application's key 16 minutes ago: the exp inside the payload has passed
        AuthConfig config = AuthConfig.builder().secrets(TestSecrets.A).build();
        FlowSeal past = new FlowSeal(new JoseTokens(KeyRing.of(config.secrets()), Duration.ofSeconds(60)),
                Duration.ofMinutes(10), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16)));
        String cookie = past.seal(new FlowState("dev", "the-state", "v".repeat(43), "n", "/home", "/oops",
                URI.create(app.uri() + "auth/callback/dev")));
        Browser b = new Browser(app.uri()).cookie(dev.lumina.auth.internal.web.CookieNames.flow("the-state", false), cookie);
        idp.drain();
        Response r = b.get(callback("dev", "code=c&state=the-state"));
        assertFailureRedirect(r, "state_invalid", "dev", events);
        assertNoTokenRequest();
    }

    @Test
    void flowCookieOfAnotherProviderRedirectsStateInvalid() {
        Started s = started("dev");
        idp.drain();
        Response r = s.browser().get(callback("devfault", "code=c&state=" + s.state()));
        assertFailureRedirect(r, "state_invalid", "devfault", events);
        assertNoTokenRequest();
    }

    // ---- the provider's answers

    @Test
    void s14_providerErrorDescriptionIsNeverReflected() {
        Started s = started("dev");
        Response r = s.browser().get(callback("dev", "state=" + s.state()
                + "&error=access_denied&error_description=%3Cscript%3Ealert(1)%3C/script%3E"));
        assertFailureRedirect(r, "access_denied", "dev", events);
        assertFalse(r.header("Location").toLowerCase().contains("script"), r.header("Location"));
        assertFalse(r.asString().contains("script"));
    }

    @Test
    void s27_userCancelledAtTheProviderRedirectsAccessDenied() {
        Started s = started("dev");
        idp.drain();
        Response r = s.browser().get(callback("dev", "error=access_denied&state=" + s.state()));
        assertFailureRedirect(r, "access_denied", "dev", events);
        AuthFailed failed = events.of(AuthFailed.class).get(0);
        assertEquals("dev", failed.provider());
        assertNull(s.browser().flowCookie());
        assertNoTokenRequest();
    }

    @Test
    void providerErrorAnswerRedirectsProviderError() {
        Started s = started("dev");
        Response r = s.browser().get(callback("dev", "error=temporarily_unavailable&state=" + s.state()));
        assertFailureRedirect(r, "provider_error", "dev", events);
    }

    @Test
    void s28_callbackWithIdTokenButNoCodeIsRefused() {
        Started s = started("dev");
        idp.drain();
        Response r = s.browser().get(callback("dev", "id_token=eyJhbGciOiJub25lIn0.e30.&access_token=x&state=" + s.state()));
        assertFailureRedirect(r, "provider_error", "dev", events);
        assertNoTokenRequest();
    }

    @Test
    void s28_implicitOrHybridResponseTypeFailsDeployment() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.x.type", "oidc")
                .property("lumina.auth.providers.x.issuer", idp.issuer())
                .property("lumina.auth.providers.x.client-id", "c")
                .property("lumina.auth.providers.x.response-type", "id_token token")
                .start().close());
        assertTrue(String.valueOf(e.getMessage()).contains("lumina.auth.providers.x.response-type"), e.getMessage());
    }

    @Test
    void s21_authorizationRequestCarriesCodeS256ChallengeStateNonceAndExactRedirectUri() {
        Browser browser = new Browser(app.uri());
        Map<String, String> q = query(browser.startSignIn("dev", "/home", "/oops").header("Location"));
        assertEquals("code", q.get("response_type"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertTrue(q.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), q.get("code_challenge"));
        assertTrue(q.get("state").matches("[A-Za-z0-9_-]{22,}"), "state of 128 bits or more");
        assertTrue(q.get("nonce").matches("[A-Za-z0-9_-]{22,}"), "nonce of 128 bits or more");
        assertEquals(app.uri() + "auth/callback/dev", q.get("redirect_uri"));
        assertEquals("lumina-rp", q.get("client_id"));
        assertTrue(q.get("scope").startsWith("openid"));
    }

    @Test
    void s21_verifierSentAtTheTokenEndpointIsFromTheUnreservedSetAndLongEnough() {
        new Browser(app.uri()).signIn("dev");
        String verifier = form(idp.next("/token")).get("code_verifier");
        assertTrue(verifier.matches("[A-Za-z0-9._~-]{43,128}"), verifier);
    }

    @Test
    void s21_plainPkceFailsDeployment() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.x.type", "oidc")
                .property("lumina.auth.providers.x.issuer", idp.issuer())
                .property("lumina.auth.providers.x.client-id", "c")
                .property("lumina.auth.providers.x.pkce", "plain")
                .start().close());
        assertTrue(String.valueOf(e.getMessage()).contains("lumina.auth.providers.x.pkce"), e.getMessage());
    }

    // ---- the token endpoint (6), S22 and S73

    private Response withTokenAnswer(com.sun.net.httpserver.HttpHandler answer) {
        faults.overrides.put("token", answer);
        Started s = started("devfault");
        return s.browser().get(s.back().substring(app.uri().toString().length()));
    }

    @Test
    void s22_tokenEndpointRefusingTheGrantRedirectsProviderErrorWithoutReflectingIt() {
        Response r = withTokenAnswer(ex -> {
            faults.tokenRequests.add(HostileIdp.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            HostileIdp.send(ex, 400,
                "{\"error\":\"invalid_grant\",\"error_description\":\"<script>PKCE verification failed</script>\"}");
        });
        assertFailureRedirect(r, "provider_error", "devfault", events);
        assertFalse(r.header("Location").contains("PKCE") || r.header("Location").contains("invalid_grant"));
        assertEquals(1, faults.tokenRequests.size(), "the token request was made");
        assertEquals(43, faults.tokenRequests.get(0).get("code_verifier").length(), "with this flow's verifier");
    }

    @Test
    void s73_tokenEndpoint500RedirectsProviderError() {
        assertFailureRedirect(withTokenAnswer(ex -> HostileIdp.send(ex, 500, "oops")), "provider_error", "devfault", events);
    }

    @Test
    void s73_tokenEndpointResettingTheConnectionRedirectsProviderError() {
        assertFailureRedirect(withTokenAnswer(ex -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write("{\"acc".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            ex.close();
        }), "provider_error", "devfault", events);
    }

    @Test
    void s73_tokenEndpointTimingOutRedirectsProviderError() {
        long t0 = System.nanoTime();
        assertFailureRedirect(withTokenAnswer(ex -> {
            try {
                Thread.sleep(8000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HostileIdp.send(ex, 200, "{}");
        }), "provider_error", "devfault", events);
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 7000, "the read timeout (PT3S) cut it short");
    }

    @Test
    void s73_tokenEndpointAnsweringJunkRedirectsProviderError() {
        assertFailureRedirect(withTokenAnswer(ex -> HostileIdp.send(ex, 200, "<html>not json")), "provider_error", "devfault", events);
    }

    @Test
    void s73_tokenEndpointAnsweringErrorWith200RedirectsProviderError() {
        assertFailureRedirect(withTokenAnswer(ex -> HostileIdp.send(ex, 200, "{\"error\":\"invalid_grant\"}")),
                "provider_error", "devfault", events);
    }

    @Test
    void s73_tokenEndpointOmittingIdTokenRedirectsProviderError() {
        assertFailureRedirect(withTokenAnswer(ex -> HostileIdp.send(ex, 200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}")),
                "provider_error", "devfault", events);
    }

    @Test
    void s73_tokenEndpointAnsweringMacTokenTypeRedirectsProviderError() {
        assertFailureRedirect(withTokenAnswer(ex -> HostileIdp.send(ex, 200,
                "{\"access_token\":\"a\",\"token_type\":\"mac\",\"id_token\":\"x.y.z\"}")), "provider_error", "devfault", events);
        assertNotNull(events.of(AuthFailed.class).get(0).reason(), "AuthFailed carries the cause");
    }

    // ---- (8) the application decides: S47, S75

    @Test
    void s47_unverifiedEmailIsExposedAndNeverUsedAsIdentity() {
        idp.server.enqueueCallback(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, "attacker-sub", "JWT", List.of("lumina-rp"),
                Map.of("email", "victim@example.com", "email_verified", false)));
        Browser b = new Browser(app.uri());
        assertEquals(303, b.signIn("dev").statusCode());
        Profile p = decider.seen().get(0);
        assertFalse(p.emailVerified());
        b.get("probe/whoami").then().body(equalTo("dev:attacker-sub|dev:attacker-sub"));
    }

    @Test
    void s47_applicationLinkingByVerifiedEmailOnlyRefusesAnUnverifiedOne() {
        decider.decide(ProfileDecider::linkVerifiedEmailOnly);
        idp.server.enqueueCallback(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, "attacker-sub", "JWT", List.of("lumina-rp"),
                Map.of("email", "victim@example.com", "email_verified", false)));
        Response r = new Browser(app.uri()).signIn("dev");
        assertFailureRedirect(r, "access_denied", "dev", events);
        assertTrue(r.header("Location").contains("reason=email_not_verified"));
    }

    @Test
    void s75_observerThatThrowsRedirectsServerErrorWithoutSessionCookie() {
        decider.decide(e -> {
            throw new IllegalStateException("database down");
        });
        Response r = new Browser(app.uri()).signIn("dev");
        assertFailureRedirect(r, "server_error", "dev", events);
        assertFalse(r.header("Location").contains("database"));
    }

    @Test
    void s75_observerThatRefusesRedirectsAccessDeniedWithItsReason() {
        decider.decide(e -> e.reject("account_disabled"));
        Response r = new Browser(app.uri()).signIn("dev");
        assertFailureRedirect(r, "access_denied", "dev", events);
        assertTrue(r.header("Location").contains("reason=account_disabled"));
    }

    @Test
    void s75_withoutDecisionTheDefaultSessionIsIssuedFromTheProfile() {
        Browser b = new Browser(app.uri());
        b.signIn("dev");
        String sub = decider.seen().get(0).subject();
        b.get("probe/whoami").then().body(equalTo("dev:" + sub + "|dev:" + sub));
    }

    @Test
    void secondSignInWhileAnotherUsersCookieIsPresentIssuesAFreshSession() {
        idp.server.enqueueCallback(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, "alice", "JWT", List.of("lumina-rp"), Map.of()));
        Browser b = new Browser(app.uri());
        b.signIn("dev");
        String alices = b.cookie("lumina.session");
        b.get("probe/whoami").then().body(equalTo("dev:alice|dev:alice"));
        idp.server.enqueueCallback(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, "bob", "JWT", List.of("lumina-rp"), Map.of()));
        Response r = b.signIn("dev");
        assertEquals(303, r.statusCode());
        assertNotEquals(alices, b.cookie("lumina.session"));
        b.get("probe/whoami").then().body(equalTo("dev:bob|dev:bob"));
    }

    // ---- (1) the sign-in request

    @Test
    void signInAnswersJsonUrlToFetchClients() {
        Browser b = new Browser(app.uri());
        String csrf = b.csrfToken();
        Response r = io.restassured.RestAssured.given().redirects().follow(false).cookies(b.cookies())
                .accept("application/json").contentType("application/json")
                .body("{\"csrfToken\":\"" + csrf + "\",\"callbackUrl\":\"/home\"}")
                .post(app.uri() + "auth/signin/dev");
        assertEquals(200, r.statusCode());
        assertTrue(r.jsonPath().getString("url").startsWith(idp.issuer() + "/authorize?"));
        assertTrue(setCookies(r).stream().anyMatch(c -> c.startsWith("lumina.flow.")));
    }

    @Test
    void s05_getOnSignInIs405() {
        io.restassured.RestAssured.given().get(app.uri() + "auth/signin/dev?csrfToken=x").then().statusCode(405);
    }

    @Test
    void s01_signInWithoutCsrfTokenIs403WithoutFlowCookie() {
        Browser b = new Browser(app.uri());
        b.csrfToken();
        Response r = b.postForm("auth/signin/dev", Map.of("callbackUrl", "/home"));
        assertEquals(403, r.statusCode());
        assertEquals("csrf_invalid", r.jsonPath().getString("error"));
        assertTrue(setCookies(r).stream().noneMatch(c -> c.startsWith("lumina.flow.")));
        assertNull(r.header("Location"));
    }

    @Test
    void s07_signInWithForeignCallbackOrErrorUrlIs400InvalidRedirect() {
        for (String field : List.of("callbackUrl", "errorUrl")) {
            Browser b = new Browser(app.uri());
            Response r = b.postForm("auth/signin/dev", Map.of("csrfToken", b.csrfToken(), field, "https://evil.example/steal"));
            assertEquals(400, r.statusCode());
            assertEquals("invalid_redirect", r.jsonPath().getString("error"));
            assertTrue(setCookies(r).stream().noneMatch(c -> c.startsWith("lumina.flow.")));
        }
    }

    @Test
    void s57_flowCookieIsHttpOnlyLaxRootPathAndShortLived() {
        Browser b = new Browser(app.uri());
        Response r = b.startSignIn("dev", "/home", "/oops");
        String flow = setCookies(r).stream().filter(c -> c.startsWith("lumina.flow.")).findFirst().orElseThrow();
        assertTrue(flow.contains("; HttpOnly"), flow);
        assertTrue(flow.contains("; SameSite=Lax"), flow);
        assertTrue(flow.contains("; Path=/"), flow);
        assertTrue(flow.contains("; Max-Age=600"), flow);
        assertFalse(flow.contains("Domain"), flow);
    }

    @Test
    void s83_flowCookieRevealsNeitherVerifierNorNonceNorUrls() {
        Browser b = new Browser(app.uri());
        Response r = b.startSignIn("dev", "/secret-callback-path", "/oops");
        Map<String, String> q = query(r.header("Location"));
        String cookie = b.flowCookie();
        assertEquals(5, cookie.split("\\.", -1).length, "a compact JWE");
        StringBuilder decoded = new StringBuilder();
        for (String part : cookie.split("\\.")) {
            try {
                decoded.append(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1));
            } catch (IllegalArgumentException e) {
                // not base64url: nothing readable either
            }
        }
        assertFalse(decoded.toString().contains(q.get("state")));
        assertFalse(decoded.toString().contains(q.get("nonce")));
        assertFalse(decoded.toString().contains("secret-callback-path"));
        assertTrue(decoded.toString().contains("A256GCM"), "the header names the encryption");
    }

    // ---- leakage

    @Test
    void logsOfASuccessAndOfFailuresHoldNoTokenCodeVerifierSecretOrCookie() {
        try (dev.lumina.auth.testing.LogCapture log = new dev.lumina.auth.testing.LogCapture()) {
            Started s = started("dev");
            String flowCookie = s.browser().flowCookie();
            String csrfCookie = s.browser().cookie("lumina.csrf");
            String code = query(s.back()).get("code");
            assertEquals(303, s.browser().get(s.back().substring(app.uri().toString().length())).statusCode());
            String verifier = form(idp.next("/token")).get("code_verifier");
            dev.lumina.auth.TokenSet tokens = decider.seen().get(0).tokens().orElseThrow();
            String session = s.browser().cookie("lumina.session");
            // and failures: a refused grant, a bad ID token path, a tampered flow cookie
            withTokenAnswer(ex -> HostileIdp.send(ex, 400, "{\"error\":\"invalid_grant\"}"));
            Started t = started("dev");
            t.browser().cookie(t.browser().flowCookieName(), t.browser().flowCookie() + "x").get(t.back().substring(app.uri().toString().length()));
            String all = log.all();
            assertTrue(all.contains("LUMINA-"), "something was logged");
            for (String secret : List.of(code, verifier, tokens.accessToken(), tokens.idToken(), session, flowCookie, csrfCookie,
                    "rp-secret", TestSecrets.A)) {
                assertFalse(all.contains(secret), "a log line holds a secret value");
            }
        }
    }

    // ---- unknown providers, S77

    @Test
    void s77_unknownProviderIs404WithoutReflectingTheId() {
        Browser b = new Browser(app.uri());
        String csrf = b.csrfToken();
        Response r1 = b.postForm("auth/signin/nope", Map.of("csrfToken", csrf));
        assertEquals(404, r1.statusCode());
        assertEquals("{\"error\":\"unknown_provider\"}", r1.asString());
        idp.drain();
        Response r2 = b.get("auth/callback/nope?code=x&state=y");
        assertEquals(404, r2.statusCode());
        assertEquals("{\"error\":\"unknown_provider\"}", r2.asString());
        Response r3 = b.get("auth/callback/%3Cscript%3Ealert(1)%3C%2Fscript%3E?code=x&state=y");
        assertFalse(r3.asString().contains("<script>"));
        assertTrue(r3.statusCode() == 404 || r3.statusCode() == 400, "status " + r3.statusCode());
        Response r4 = b.get("auth/callback/..%2Fsession?code=x&state=y");
        assertTrue(r4.statusCode() == 404 || r4.statusCode() == 400, "status " + r4.statusCode());
        assertNoTokenRequest();
    }

    @Test
    void providersAreListedWithSignInUrls() {
        Response r = io.restassured.RestAssured.get(app.uri() + "auth/providers");
        assertEquals(200, r.statusCode());
        assertEquals("oidc", r.jsonPath().getString("find { it.id == 'dev' }.type"));
        assertEquals("Dev", r.jsonPath().getString("find { it.id == 'dev' }.name"));
        assertEquals("/auth/signin/dev", r.jsonPath().getString("find { it.id == 'dev' }.signinUrl"));
        assertFalse(r.asString().contains("lumina-rp"), "no client id");
    }
}
