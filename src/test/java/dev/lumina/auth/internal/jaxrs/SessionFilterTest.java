package dev.lumina.auth.internal.jaxrs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionFilterTest {
    private static TestServer server;
    private static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("lumina.auth.session.update-age", "PT1M"), dev.lumina.auth.testing.UnscopedProbe.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clearEvents() {
        server.events().clear();
    }

    @Test
    void currentSessionAndSecurityContextCarryTheSubject() {
        server.request().cookie("lumina.session", MINTER.token("alice"))
                .get("probe/whoami").then().statusCode(200).body(equalTo("alice|alice"));
    }

    @Test
    void currentSessionReachesAResourceWithoutScope() {
        // Jersey creates such a resource while matching the request: the session must be known by then
        server.request().cookie("lumina.session", MINTER.token("alice")).get("unscoped")
                .then().statusCode(200).body(equalTo("alice"));
    }

    @Test
    void noCookieIsAnonymousWithoutSetCookie() {
        server.request().get("probe/whoami").then().statusCode(200).body(equalTo("anonymous|-"))
                .header("Set-Cookie", nullValue());
        server.request().get("auth/session").then().statusCode(200).body(equalTo("null"))
                .header("Cache-Control", "no-store");
        assertTrue(server.events().of(AuthFailed.class).isEmpty());
    }

    @Test
    void s48_tamperedCookieIsAnonymousClearedAndReported() {
        String[] parts = MINTER.token("alice").split("\\.");
        String forged = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
        Response r = server.request().cookie("lumina.session", forged).get("probe/whoami");
        assertEquals(200, r.statusCode());
        assertEquals("anonymous|-", r.asString());
        String cleared = r.header("Set-Cookie");
        assertNotNull(cleared);
        assertTrue(cleared.startsWith("lumina.session=; Max-Age=0; Expires=Thu, 01 Jan 1970"), cleared);
        List<AuthFailed> failed = server.events().of(AuthFailed.class);
        assertEquals(1, failed.size());
        assertEquals(AuthError.SESSION_INVALID, failed.get(0).error());
        assertTrue(!failed.get(0).toString().contains(parts[1]), "no token in the event");
    }

    @Test
    void s50_expiredCookieIsAnonymousAndCleared() {
        String expired = MINTER.token("alice", Instant.now().minusSeconds(7200), Instant.now().minusSeconds(120));
        server.request().cookie("lumina.session", expired).get("probe/me")
                .then().statusCode(401).header("Set-Cookie", startsWith("lumina.session=; Max-Age=0"));
    }

    @Test
    void malformedAndOversizedCookiesNeverGive500() {
        for (String junk : List.of("x", "a.b.c", "%00%ff", "\"quoted\"", "a".repeat(7000))) {
            server.request().cookie("lumina.session", junk).get("probe/whoami")
                    .then().statusCode(200).body(equalTo("anonymous|-"));
        }
    }

    @Test
    void authenticatedAnswers401JsonToApiClients() {
        server.request().get("probe/me")
                .then().statusCode(401).contentType("application/json").body("error", equalTo("unauthenticated"));
        server.request().cookie("lumina.session", MINTER.token("bob")).get("probe/me")
                .then().statusCode(200).body(equalTo("bob@example.com"));
    }

    @Test
    void authenticatedRedirectsBrowserNavigationToSignInWithCallbackUrl() {
        server.request().accept("text/html,application/xhtml+xml,*/*;q=0.8").get("probe/me?tab=2")
                .then().statusCode(303)
                .header("Location", equalTo(server.server().uri() + "auth/signin?callbackUrl=%2Fprobe%2Fme%3Ftab%3D2"));
    }

    @Test
    void rolesAllowedChecksRolesFromTheSession() {
        server.request().get("probe/admin").then().statusCode(401);
        server.request().cookie("lumina.session", MINTER.token("carol", "user")).get("probe/admin")
                .then().statusCode(403).body("error", equalTo("forbidden"));
        server.request().cookie("lumina.session", MINTER.token("dave", "admin")).get("probe/admin")
                .then().statusCode(200).body(equalTo("admin:dave"));
    }

    @Test
    void sessionOlderThanUpdateAgeIsRenewed() {
        Instant issued = Instant.now().minusSeconds(120);
        String token = MINTER.token("erin", issued, issued.plusSeconds(3600));
        Response r = server.request().cookie("lumina.session", token).get("probe/whoami");
        assertEquals("erin|erin", r.asString());
        String renewed = r.header("Set-Cookie");
        assertNotNull(renewed, "renewal cookie");
        assertTrue(renewed.startsWith("lumina.session=ey"), renewed);
        assertTrue(renewed.contains("Max-Age=2159") || renewed.contains("Max-Age=2160"), "capped by the 6h idle limit? " + renewed);
        // a fresh token is not renewed on every request
        server.request().cookie("lumina.session", MINTER.token("erin")).get("probe/whoami")
                .then().header("Set-Cookie", nullValue());
    }

    @Test
    void sessionEndpointShowsOnlyClientSafeFields() {
        server.request().cookie("lumina.session", MINTER.token("frank", "user")).get("auth/session")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("subject", equalTo("frank")).body("email", equalTo("frank@example.com"))
                .body("roles[0]", equalTo("user"));
    }
}
