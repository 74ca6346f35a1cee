package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.FlowAssertions.assertFailureRedirect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.LogCapture;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ID token checks of OIDC Core 3.1.3.7 against a provider that signs what it is told (S30-S44, S78). */
class HostileProviderTest {
    static HostileApp hostile;

    @BeforeAll
    static void start() {
        hostile = new HostileApp((provider, b) -> {
            HostileApp.oidc(b, "evil", provider.issuer("t"));
            b.property("lumina.auth.providers.evilui.type", "oidc")
                    .property("lumina.auth.providers.evilui.issuer", provider.issuer("t"))
                    .property("lumina.auth.providers.evilui.client-id", HostileIdp.CLIENT_ID)
                    .property("lumina.auth.providers.evilui.use-userinfo", "true")
                    .property("lumina.auth.http.read-timeout", "PT1S");
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

    private Response signIn(String provider) {
        hostile.events.clear();
        hostile.decider.reset();
        return new Browser(hostile.app.uri()).signIn(provider);
    }

    private void assertRejected(String code) {
        assertRejected("evil", code);
    }

    private void assertRejected(String provider, String code) {
        Response r = signIn(provider);
        assertFailureRedirect(r, code, provider, hostile.events);
        assertTrue(hostile.decider.seen().isEmpty(), "no ProfileReceived");
    }

    private void assertAccepted() {
        Response r = signIn("evil");
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/home"), r.header("Location"));
        assertEquals(1, hostile.decider.seen().size());
    }

    @Test
    void goodTokenFromThisProviderIsAccepted() {
        assertAccepted();
        assertEquals("alice", hostile.decider.seen().get(0).subject());
        assertTrue(hostile.decider.seen().get(0).emailVerified());
    }

    @Test
    void s30_idTokenWithAlgNoneRedirectsIdTokenInvalid() {
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            hostile.idp.alg = none;
            assertRejected("id_token_invalid");
        }
    }

    @Test
    void s30_idTokenWithHmacKeyedByThePublicKeyRedirectsIdTokenInvalid() {
        hostile.idp.alg = "HS256"; // advertised by the provider, never allowed by Lumina
        assertRejected("id_token_invalid");
    }

    @Test
    void s31_idTokenWithFlippedSignatureByteRedirectsIdTokenInvalid() {
        hostile.idp.flipSignature = true;
        assertRejected("id_token_invalid");
    }

    @Test
    void s34_idTokenFromAnotherIssuerRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("iss", "https://evil.example");
        assertRejected("id_token_invalid");
    }

    @Test
    void s35_idTokenForAnotherAudienceRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("aud", "other-client");
        assertRejected("id_token_invalid");
    }

    @Test
    void s35_idTokenWithSeveralAudiencesWithoutAzpRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("aud", List.of(HostileIdp.CLIENT_ID, "untrusted"));
        assertRejected("id_token_invalid");
    }

    @Test
    void s35_idTokenAuthorizedForAnotherPartyRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("azp", "other-client");
        assertRejected("id_token_invalid");
    }

    @Test
    void s36_idTokenWithOtherNonceRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("nonce", "not-the-one-we-sent");
        assertRejected("id_token_invalid");
    }

    @Test
    void s36_idTokenWithoutNonceRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.remove("nonce");
        assertRejected("id_token_invalid");
    }

    @Test
    void s37_idTokenExpiredTenMinutesAgoRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> {
            long now = System.currentTimeMillis() / 1000;
            c.put("iat", now - 60);
            c.put("exp", now - 600);
        };
        assertRejected("id_token_invalid");
    }

    @Test
    void s37_idTokenWithoutExpRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.remove("exp");
        assertRejected("id_token_invalid");
    }

    @Test
    void s37_idTokenExpiredThirtySecondsAgoIsAcceptedWithinDefaultSkew() {
        hostile.idp.claims = c -> {
            long now = System.currentTimeMillis() / 1000;
            c.put("iat", now - 60);
            c.put("exp", now - 30);
        };
        assertAccepted();
    }

    @Test
    void s38_idTokenWithoutIatRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.remove("iat");
        assertRejected("id_token_invalid");
    }

    @Test
    void s38_idTokenIssuedAnHourAheadRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("iat", System.currentTimeMillis() / 1000 + 3600);
        assertRejected("id_token_invalid");
    }

    @Test
    void s38_idTokenIssuedADayAgoRedirectsIdTokenInvalid() {
        // acceptable age = the longest a sign-in lives (flow max-age) + skew
        hostile.idp.claims = c -> {
            long now = System.currentTimeMillis() / 1000;
            c.put("iat", now - 86_400);
            c.put("exp", now + 300);
        };
        assertRejected("id_token_invalid");
    }

    @Test
    void s39_idTokenWithoutSubRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.remove("sub");
        assertRejected("id_token_invalid");
    }

    @Test
    void s39_idTokenWithEmptySubRedirectsIdTokenInvalid() {
        hostile.idp.claims = c -> c.put("sub", "");
        assertRejected("id_token_invalid");
    }

    @Test
    void s44_userinfoWithAnotherSubRedirectsProfileInvalid() {
        hostile.idp.userinfoSub = "mallory";
        assertRejected("evilui", "profile_invalid");
    }

    @Test
    void userinfoClaimsJoinTheProfileWhenConfigured() {
        Response r = signIn("evilui");
        assertEquals(303, r.statusCode());
        assertEquals("fr", hostile.decider.seen().get(0).claims().get("locale"));
    }

    @Test
    void s78_idTokenIssuedNinetySecondsAheadFailsWithALogLineNamingClockSkew() {
        hostile.idp.claims = c -> {
            long now = System.currentTimeMillis() / 1000;
            c.put("iat", now + 90);
            c.put("exp", now + 400);
        };
        try (LogCapture log = new LogCapture()) {
            assertRejected("id_token_invalid");
            assertTrue(log.all().contains("clock skew"), log.all());
            assertTrue(log.all().contains("lumina.auth.clock-skew"), log.all());
        }
    }

    @Test
    void s78_withClockSkewOf120sTheTokenIssued90sAheadIsAccepted() {
        hostile.idp.claims = c -> {
            long now = System.currentTimeMillis() / 1000;
            c.put("iat", now + 90);
            c.put("exp", now + 400);
        };
        // a node of its own (a second Weld container in this JVM would share the first one's beans)
        try (dev.lumina.auth.testing.NodeProcess node = dev.lumina.auth.testing.NodeProcess.start(java.util.Map.of(
                "lumina.auth.secret", TestSecrets.A,
                "lumina.auth.clock-skew", "PT120S",
                "lumina.auth.providers.evil.type", "oidc",
                "lumina.auth.providers.evil.issuer", hostile.idp.issuer("t"),
                "lumina.auth.providers.evil.client-id", HostileIdp.CLIENT_ID)).join()) {
            Browser b = new Browser(node.uri());
            Response r = b.signIn("evil");
            assertEquals(303, r.statusCode());
            assertTrue(r.header("Location").endsWith("/home"), r.header("Location"));
            b.get("probe/whoami").then().body(org.hamcrest.Matchers.equalTo("evil:alice|evil:alice"));
        }
    }

    @Test
    void tokenAnswerOfAnOidcProviderWithoutIdTokenRedirectsProviderError() {
        hostile.idp.overrides.put("token", ex -> HostileIdp.send(ex, 200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}"));
        assertRejected("provider_error");
    }

    @Test
    void signingKeysAreNotFetchedForEverySignIn() {
        assertAccepted();
        int before = hostile.idp.jwksHits.get();
        assertAccepted();
        assertAccepted();
        assertEquals(before, hostile.idp.jwksHits.get());
        assertNotNull(hostile.idp.signingKey);
    }
}
