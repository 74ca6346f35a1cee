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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Providers that rotate keys, stall, flood, redirect or vanish (S40, S72, S74, S76). */
class ProviderFaultsTest {
    static HostileIdp idp;
    /** A provider of its own for key rotation, so that its new key does not disturb the other tests. */
    static HostileIdp rotating;
    static LuminaServer app;
    static RecordedEvents events;
    static ProfileDecider decider;
    static int laterPort;
    /**
     * Holds {@link #laterPort} until the provider starts there: bound but not listening, so a connection is refused
     * (the provider is "down") and no other process can take the port meanwhile.
     */
    static Socket laterPortHolder;

    @BeforeAll
    static void start() throws Exception {
        idp = new HostileIdp();
        rotating = new HostileIdp();
        laterPortHolder = new Socket();
        laterPortHolder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        laterPort = laterPortHolder.getLocalPort();
        LuminaServer.Builder b = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.http.read-timeout", "PT2S")
                // far longer than any run of this class: a loop of sign-ins can never outlast it, so S40 below
                // does not depend on how fast the machine is (JwksCacheTest proves the cooldown's boundary with a clock)
                .property("lumina.auth.jwks.refresh-cooldown", "P1D")
                .classes(ProbeResource.class, RecordedEvents.class, ProfileDecider.class);
        for (String tenant : new String[] {"t", "stall", "huge", "redir"}) {
            oidc(b, tenant, idp.issuer(tenant));
        }
        oidc(b, "ui", idp.issuer("t")).property("lumina.auth.providers.ui.use-userinfo", "true");
        oidc(b, "rot", rotating.issuer("t"));
        oidc(b, "later", "http://127.0.0.1:" + laterPort + "/t");
        app = b.start();
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    static LuminaServer.Builder oidc(LuminaServer.Builder b, String id, String issuer) {
        return b.property("lumina.auth.providers." + id + ".type", "oidc")
                .property("lumina.auth.providers." + id + ".issuer", issuer)
                .property("lumina.auth.providers." + id + ".client-id", HostileIdp.CLIENT_ID);
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        app.close();
        idp.close();
        rotating.close();
        laterPortHolder.close();
    }

    @BeforeEach
    void clean() {
        idp.reset();
        events.clear();
        decider.reset();
    }

    Response signIn(String provider) {
        events.clear();
        return new Browser(app.uri()).signIn(provider);
    }

    void assertSignedIn(String provider) {
        Response r = signIn(provider);
        assertEquals(303, r.statusCode());
        assertTrue(r.header("Location").endsWith("/home"), r.header("Location"));
    }

    @Test
    void s40_providerSigningWithANewKeyIsFollowedAfterOneJwksFetch() {
        assertSignedIn("rot");
        int before = rotating.jwksHits.get();
        rotating.rotateKey();
        assertSignedIn("rot");
        assertEquals(before + 1, rotating.jwksHits.get(), "one fetch for the new kid");
        assertSignedIn("rot");
        assertEquals(before + 1, rotating.jwksHits.get(), "then the kept keys");
    }

    @Test
    void s40_unknownKidRepeatedTriggersAtMostOneFetchPerCooldown() {
        assertSignedIn("t");
        idp.kidOverride = "made-up-kid";
        int before = idp.jwksHits.get();
        for (int i = 0; i < 20; i++) {
            Response r = signIn("t");
            assertFailureRedirect(r, "id_token_invalid", "t", events);
        }
        assertTrue(idp.jwksHits.get() - before <= 1, "fetches: " + (idp.jwksHits.get() - before));
        // the 1000-kid figure and the cooldown's boundary: JwksCacheTest.s40_unknownKidsCauseAtMostOneFetchPerCooldown
    }

    @Test
    void s72_discoveryThatStallsRedirectsProviderErrorWithinTheReadTimeout() {
        idp.overrides.put("discovery:stall", HostileIdp.stall(60_000));
        long t0 = System.nanoTime();
        Browser b = new Browser(app.uri());
        Response r = b.startSignIn("stall", "/home", "/oops");
        assertFailureRedirect(r, "provider_error", "stall", events);
        assertEquals("/oops", FlowAssertions.path(r));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 10, "cut by the read timeout");
    }

    @Test
    void s72_jwksStreaming100MegabytesRedirectsProviderError() {
        idp.overrides.put("jwks:huge", HostileIdp.huge(100));
        assertFailureRedirect(signIn("huge"), "provider_error", "huge", events);
    }

    @Test
    void s72_tokenEndpointRedirectingToMetadataAddressIsNotFollowed() {
        idp.overrides.put("token:redir", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            ex.sendResponseHeaders(302, -1);
        });
        assertFailureRedirect(signIn("redir"), "provider_error", "redir", events);
    }

    @Test
    void s74_userinfoAnswering401RedirectsProfileInvalid() {
        idp.overrides.put("userinfo", ex -> HostileIdp.send(ex, 401, "{\"error\":\"invalid_token\"}"));
        assertFailureRedirect(signIn("ui"), "profile_invalid", "ui", events);
        assertTrue(decider.seen().isEmpty());
    }

    @Test
    void s74_userinfoTimingOutRedirectsProfileInvalid() {
        idp.overrides.put("userinfo", HostileIdp.stall(10_000));
        assertFailureRedirect(signIn("ui"), "profile_invalid", "ui", events);
    }

    @Test
    void s74_userinfoTruncatedRedirectsProfileInvalid() {
        idp.overrides.put("userinfo", ex -> HostileIdp.send(ex, 200, "{\"sub\":\"alice\",\"email\":\"al"));
        assertFailureRedirect(signIn("ui"), "profile_invalid", "ui", events);
        assertTrue(decider.seen().isEmpty(), "no session from a partial profile");
    }

    @Test
    void s76_providerDownAtStartIsUnavailableThenRecoversWithoutRestart() throws Exception {
        Browser b = new Browser(app.uri());
        Response down = b.startSignIn("later", "/home", "/oops");
        assertFailureRedirect(down, "provider_unavailable", "later", events);
        assertSignedIn("t"); // other providers unaffected
        laterPortHolder.close();
        try (HostileIdp back = new HostileIdp(laterPort)) {
            Thread.sleep(2_100); // the failure is remembered for 2 s only
            assertSignedIn("later");
        }
    }

    @Test
    void discoveryDocumentNamingAnotherIssuerIsRefused() {
        idp.overrides.put("discovery:stall", ex -> HostileIdp.send(ex, 200, "{\"issuer\":\"https://evil.example\","
                + "\"authorization_endpoint\":\"https://evil.example/a\",\"token_endpoint\":\"https://evil.example/t\","
                + "\"jwks_uri\":\"https://evil.example/j\"}"));
        try {
            Thread.sleep(2_100); // let an earlier failure of this tenant expire
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Response r = new Browser(app.uri()).startSignIn("stall", "/home", "/oops");
        assertFailureRedirect(r, "provider_error", "stall", events);
        assertTrue(!r.header("Location").contains("evil.example"));
    }

}
