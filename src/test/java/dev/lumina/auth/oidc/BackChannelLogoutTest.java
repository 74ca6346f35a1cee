package dev.lumina.auth.oidc;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Back-Channel Logout 1.0 against mock-oauth2-server, which signs logout tokens with its own
 * keys: a valid token revokes the sessions of its {@code sid} (or of its {@code sub}) and nothing else; every
 * invalid one (section 2.6) is 400 {@code invalid_request} and revokes nothing. Always {@code Cache-Control: no-store}.
 */
class BackChannelLogoutTest {
    static final String CLIENT_SECRET = "rp-secret-0123456789-0123456789-0123456789";
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static MockIdp idp;
    static LuminaServer app;
    Browser aliceOne;
    Browser aliceTwo;
    Browser bob;
    String alice;

    @BeforeAll
    static void start() {
        idp = new MockIdp();
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", idp.issuer())
                .property("lumina.auth.providers.dev.client-id", "lumina-rp")
                .property("lumina.auth.providers.dev.client-secret", CLIENT_SECRET)
                .classes(ProbeResource.class)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    /** Three sessions: alice twice (two provider sessions), bob once. Fresh names per test: revocations stay. */
    @BeforeEach
    void signIn() {
        alice = "alice-" + UUID.randomUUID();
        aliceOne = signIn(alice, "sid-1-" + alice);
        aliceTwo = signIn(alice, "sid-2-" + alice);
        bob = signIn("bob-" + alice, "sid-b-" + alice);
    }

    static Browser signIn(String sub, String sid) {
        idp.server.enqueueCallback(new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, sub, "JWT", List.of("lumina-rp"), Map.of("sid", sid)));
        Browser b = new Browser(app.uri());
        assertEquals(303, b.signIn("dev").statusCode());
        b.get("probe/whoami").then().body(equalTo("dev:" + sub + "|dev:" + sub));
        return b;
    }

    /** The claims of a valid logout token for {@code sub} and {@code sid} (either may be null). */
    static Map<String, Object> claims(String sub, String sid) {
        Map<String, Object> c = new HashMap<>();
        c.put("events", Map.of(EVENT, Map.of()));
        c.put("jti", UUID.randomUUID().toString());
        c.put("sub", sub); // null removes the claim
        if (sid != null) {
            c.put("sid", sid);
        }
        return c;
    }

    /** A logout token signed by the provider's own key, with the given typ, audience and claims. */
    static String token(String typ, List<String> audience, Map<String, Object> claims) {
        return idp.server.issueToken(MockIdp.ISSUER_ID, "lumina-rp",
                new DefaultOAuth2TokenCallback(MockIdp.ISSUER_ID, "placeholder", typ, audience, claims, 120)).serialize();
    }

    static String token(Map<String, Object> claims) {
        return token("logout+jwt", List.of("lumina-rp"), claims);
    }

    static String token(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = claims("someone", "sid-x");
        change.accept(c);
        return token(c);
    }

    static Response post(String provider, String logoutToken) {
        return RestAssured.given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("logout_token", logoutToken).post(app.uri() + "auth/backchannel-logout/" + provider);
    }

    static void assertRefused(Response r) {
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("invalid_request", r.jsonPath().getString("error"));
    }

    void assertNobodyRevoked() {
        aliceOne.get("probe/whoami").then().body(equalTo("dev:" + alice + "|dev:" + alice));
        aliceTwo.get("probe/whoami").then().body(equalTo("dev:" + alice + "|dev:" + alice));
        bob.get("probe/whoami").then().body(equalTo("dev:bob-" + alice + "|dev:bob-" + alice));
    }

    void assertRefusedAndNothingRevoked(String logoutToken) {
        assertRefused(post("dev", logoutToken));
        assertNobodyRevoked();
    }

    @Test
    void logoutBySidRevokesThatProviderSessionOnly() {
        Response r = post("dev", token(claims(alice, "sid-1-" + alice)));
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("no-store", r.header("Cache-Control"));
        aliceOne.get("probe/whoami").then().body(equalTo("anonymous|-"));
        aliceTwo.get("probe/whoami").then().body(equalTo("dev:" + alice + "|dev:" + alice));
        bob.get("probe/whoami").then().body(equalTo("dev:bob-" + alice + "|dev:bob-" + alice));
    }

    @Test
    void logoutBySidAloneWithoutSubWorksToo() {
        assertEquals(200, post("dev", token(claims(null, "sid-2-" + alice))).statusCode());
        aliceTwo.get("probe/whoami").then().body(equalTo("anonymous|-"));
        aliceOne.get("probe/whoami").then().body(equalTo("dev:" + alice + "|dev:" + alice));
    }

    @Test
    void logoutBySubRevokesEverySessionOfThatSubject() {
        assertEquals(200, post("dev", token("application/logout+jwt", List.of("lumina-rp"), claims(alice, null))).statusCode());
        aliceOne.get("probe/whoami").then().body(equalTo("anonymous|-"));
        aliceTwo.get("probe/whoami").then().body(equalTo("anonymous|-"));
        bob.get("probe/whoami").then().body(equalTo("dev:bob-" + alice + "|dev:bob-" + alice));
        // a later sign-in is not revoked: SessionRevocationsTest, on a clock that moves past the second
    }

    @Test
    void badSignatureIsRefused() {
        String valid = token(claims(alice, "sid-1-" + alice));
        int dot = valid.lastIndexOf('.');
        char c = valid.charAt(dot + 5);
        assertRefusedAndNothingRevoked(valid.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + valid.substring(dot + 6));
        String[] parts = valid.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + idp.issuer() + "\",\"aud\":\"lumina-rp\",\"sub\":\"" + alice + "\",\"iat\":"
                        + Instant.now().getEpochSecond() + ",\"jti\":\"j\",\"events\":{\"" + EVENT + "\":{}}}").getBytes(StandardCharsets.UTF_8));
        assertRefusedAndNothingRevoked(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @Test
    void wrongIssuerIsRefused() {
        assertRefusedAndNothingRevoked(token(c -> c.put("iss", "https://evil.example")));
        assertRefusedAndNothingRevoked(token(c -> c.put("iss", idp.issuer() + "/")));
        // a token of another issuer of the same server: other keys, other iss
        assertRefusedAndNothingRevoked(idp.server.issueToken("other", "lumina-rp", new DefaultOAuth2TokenCallback("other", alice,
                "logout+jwt", List.of("lumina-rp"), claims(alice, "sid-1-" + alice), 120)).serialize());
    }

    @Test
    void wrongAudienceIsRefused() {
        assertRefusedAndNothingRevoked(token("logout+jwt", List.of("another-client"), claims(alice, "sid-1-" + alice)));
        assertRefusedAndNothingRevoked(token("logout+jwt", List.of(), claims(alice, "sid-1-" + alice)));
    }

    @Test
    void nonceIsRefused() {
        assertRefusedAndNothingRevoked(token(c -> { c.put("nonce", "n-123"); c.put("sid", "sid-1-" + alice); }));
    }

    @Test
    void missingOrWrongEventsAreRefused() {
        assertRefusedAndNothingRevoked(token(c -> { c.remove("events"); c.put("sid", "sid-1-" + alice); }));
        assertRefusedAndNothingRevoked(token(c -> { c.put("events", Map.of("http://schemas.openid.net/event/other", Map.of())); c.put("sid", "sid-1-" + alice); }));
        assertRefusedAndNothingRevoked(token(c -> { c.put("events", Map.of(EVENT, "yes")); c.put("sid", "sid-1-" + alice); }));
        assertRefusedAndNothingRevoked(token(c -> { c.put("events", List.of(EVENT)); c.put("sid", "sid-1-" + alice); }));
    }

    @Test
    void neitherSidNorSubIsRefused() {
        assertRefusedAndNothingRevoked(token(claims(null, null)));
        assertRefusedAndNothingRevoked(token(c -> { c.put("sub", null); c.put("sid", ""); }));
    }

    @Test
    void oldOrFutureIatAndPastExpAreRefused() {
        long now = Instant.now().getEpochSecond();
        assertRefusedAndNothingRevoked(token(c -> { c.put("iat", now - 600); c.put("sid", "sid-1-" + alice); }));
        assertRefusedAndNothingRevoked(token(c -> { c.put("iat", now + 600); c.put("sid", "sid-1-" + alice); }));
        assertRefusedAndNothingRevoked(token(c -> { c.put("exp", now - 600); c.put("sid", "sid-1-" + alice); }));
    }

    @Test
    void missingOrReplayedJtiIsRefused() {
        assertRefusedAndNothingRevoked(token(c -> { c.put("jti", null); c.put("sid", "sid-1-" + alice); }));
        String once = token(claims("someone-else", "sid-unused"));
        assertEquals(200, post("dev", once).statusCode());
        assertRefusedAndNothingRevoked(once);
    }

    @Test
    void algNoneIsRefused() throws Exception {
        JwtClaims c = new JwtClaims();
        c.setIssuer(idp.issuer());
        c.setAudience("lumina-rp");
        c.setIssuedAtToNow();
        c.setJwtId(UUID.randomUUID().toString());
        c.setSubject(alice);
        c.setClaim("sid", "sid-1-" + alice);
        c.setClaim("events", Map.of(EVENT, Map.of()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setHeader("typ", "logout+jwt");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        assertRefusedAndNothingRevoked(jws.getCompactSerialization());
    }

    @Test
    void hs256SignedWithTheClientSecretIsRefused() throws Exception {
        JwtClaims c = new JwtClaims();
        c.setIssuer(idp.issuer());
        c.setAudience("lumina-rp");
        c.setIssuedAtToNow();
        c.setJwtId(UUID.randomUUID().toString());
        c.setSubject(alice);
        c.setClaim("events", Map.of(EVENT, Map.of()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setHeader("typ", "logout+jwt");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertRefusedAndNothingRevoked(jws.getCompactSerialization());
    }

    @Test
    void anIdTokenOrAnotherTypedTokenIsNoLogoutToken() {
        assertRefusedAndNothingRevoked(token("JWT", List.of("lumina-rp"), claims(alice, "sid-1-" + alice)));
        assertRefusedAndNothingRevoked(token("at+jwt", List.of("lumina-rp"), claims(alice, "sid-1-" + alice)));
    }

    @Test
    void malformedRequestsAreRefused() {
        String valid = token(claims(alice, "sid-1-" + alice));
        assertRefused(RestAssured.given().contentType("application/json").body("{\"logout_token\":\"" + valid + "\"}")
                .post(app.uri() + "auth/backchannel-logout/dev"));
        assertRefused(RestAssured.given().contentType("application/x-www-form-urlencoded")
                .body("logout_token=" + valid + "&logout_token=" + valid).post(app.uri() + "auth/backchannel-logout/dev"));
        assertRefused(RestAssured.given().contentType("application/x-www-form-urlencoded").body("token=" + valid)
                .post(app.uri() + "auth/backchannel-logout/dev"));
        assertRefused(post("nope", valid));
        assertRefused(post("dev", "not.a.jwt"));
        assertNobodyRevoked();
        assertEquals(200, post("dev", valid).statusCode(), "the same token, well sent, is still good");
    }

    @Test
    void theSessionCarriesTheProviderSidAndSubjectButNotInItsClaims() {
        String cookie = aliceOne.cookie("lumina.session");
        dev.lumina.auth.Session s = new dev.lumina.auth.testing.SessionMinter(TestSecrets.A).codec().decode(cookie);
        assertEquals("sid-1-" + alice, s.providerSessionId());
        assertEquals(alice, s.providerSubject());
        assertNull(s.claims().get("psid"));
        assertNull(s.claims().get("sid"));
    }
}
