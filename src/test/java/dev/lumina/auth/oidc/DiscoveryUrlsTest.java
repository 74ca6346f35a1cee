package dev.lumina.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.LogCapture;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S93 for discovery: a document whose endpoints are plain http on a host other than loopback is unusable; the
 * sign-in fails with {@code provider_error} and the log line names the URL. The provider itself runs on
 * 127.0.0.1, which stays allowed.
 */
class DiscoveryUrlsTest {
    static HostileIdp idp;
    static LuminaServer app;
    static RecordedEvents events;

    /** Each tenant's discovery document has one endpoint replaced (tenants are cached apart). */
    private static final Map<String, String[]> TENANTS = Map.of(
            "authz", new String[] {"authorization_endpoint", "http://login.example.com/authorize"},
            "token", new String[] {"token_endpoint", "http://10.0.0.7:8080/token"},
            "jwks", new String[] {"jwks_uri", "http://idp.example.net/jwks"},
            "userinfo", new String[] {"userinfo_endpoint", "http://[fe80::1]/userinfo"},
            "scheme", new String[] {"token_endpoint", "ftp://idp.example.net/token"});

    @BeforeAll
    static void start() {
        idp = new HostileIdp();
        LuminaServer.Builder b = LuminaServer.builder().port(0).property("lumina.auth.secret", TestSecrets.A);
        for (Map.Entry<String, String[]> t : TENANTS.entrySet()) {
            String tenant = t.getKey();
            String iss = idp.issuer(tenant);
            Map<String, String> doc = new java.util.LinkedHashMap<>(Map.of("issuer", iss,
                    "authorization_endpoint", iss + "/authorize", "token_endpoint", iss + "/token",
                    "jwks_uri", iss + "/jwks", "userinfo_endpoint", iss + "/userinfo"));
            doc.put(t.getValue()[0], t.getValue()[1]);
            String json = doc.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
            idp.overrides.put("discovery:" + tenant, ex -> HostileIdp.send(ex, 200, json));
            b.property("lumina.auth.providers." + tenant + ".type", "oidc")
                    .property("lumina.auth.providers." + tenant + ".issuer", iss)
                    .property("lumina.auth.providers." + tenant + ".client-id", HostileIdp.CLIENT_ID);
        }
        b.property("lumina.auth.providers.loopback.type", "oidc")
                .property("lumina.auth.providers.loopback.issuer", idp.issuer("t"))
                .property("lumina.auth.providers.loopback.client-id", HostileIdp.CLIENT_ID);
        app = b.classes(ProbeResource.class, RecordedEvents.class).start();
        events = app.beans().select(RecordedEvents.class).get();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @Test
    void s93_discoveredPlainHttpEndpointOnAnotherHostFailsTheSignInNamingTheUrl() {
        for (Map.Entry<String, String[]> t : TENANTS.entrySet()) {
            try (LogCapture log = new LogCapture()) {
                events.clear();
                Browser browser = new Browser(app.uri());
                Response r = browser.startSignIn(t.getKey(), "/home", "/oops");
                assertEquals(303, r.statusCode(), t.getKey());
                assertTrue(r.header("Location").contains("error=provider_error"), t.getKey() + ": " + r.header("Location"));
                assertTrue(log.all().contains("LUMINA-3004") && log.all().contains(t.getValue()[1]),
                        t.getKey() + ": the log names the URL: " + log.all());
            }
        }
    }

    @Test
    void s93_providerOnLoopbackOverPlainHttpSignsIn() {
        events.clear();
        Response r = new Browser(app.uri()).signIn("loopback");
        assertEquals(303, r.statusCode(), r.asString());
        assertTrue(r.header("Location").endsWith("/home"), r.header("Location"));
    }
}
