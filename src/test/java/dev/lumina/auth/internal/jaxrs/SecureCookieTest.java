package dev.lumina.auth.internal.jaxrs;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secure cookies and their prefix are decided by the configured base URL, never by a client's header. */
class SecureCookieTest {
    private static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);

    @Test
    void s56_httpsBaseUrlGivesHostPrefixedSecureCookies() {
        try (TestServer server = TestServer.start(Map.of("lumina.auth.base-url", "https://app.example.com",
                "lumina.auth.session.update-age", "PT1M"))) {
            server.request().get("auth/csrf").then()
                    .header("Set-Cookie", startsWith("__Host-lumina.csrf=")).header("Set-Cookie", org.hamcrest.Matchers.endsWith("; Secure"));
            Instant issued = Instant.now().minusSeconds(120);
            Response r = server.request().cookie("__Host-lumina.session", MINTER.token("alice", issued, issued.plusSeconds(3600)))
                    .get("probe/whoami");
            assertEquals("alice|alice", r.asString());
            String c = r.header("Set-Cookie");
            assertTrue(c.matches("__Host-lumina\\.session=[^;]+; Max-Age=\\d+; Path=/; HttpOnly; SameSite=Lax; Secure"), c);
            // on https, an unprefixed cookie (plantable by a sibling domain) is not read
            server.request().cookie("lumina.session", MINTER.token("mallory")).get("probe/whoami")
                    .then().body(equalTo("anonymous|-"));
        }
    }

    @Test
    void s59_forwardedProtoCannotDowngradeNorUpgradeWhenNotTrusted() {
        try (TestServer https = TestServer.start(Map.of("lumina.auth.base-url", "https://app.example.com",
                "lumina.auth.trust-forwarded-headers", "true"))) {
            https.request().header("X-Forwarded-Proto", "http").get("auth/csrf")
                    .then().header("Set-Cookie", startsWith("__Host-lumina.csrf="));
        }
        try (TestServer plain = TestServer.start(Map.of())) {
            plain.request().header("X-Forwarded-Proto", "https").get("auth/csrf")
                    .then().header("Set-Cookie", startsWith("lumina.csrf="));
        }
        try (TestServer proxied = TestServer.start(Map.of("lumina.auth.trust-forwarded-headers", "true"))) {
            proxied.request().header("X-Forwarded-Proto", "https").get("auth/csrf")
                    .then().header("Set-Cookie", startsWith("__Host-lumina.csrf="));
        }
    }

    @Test
    void s96_underHostPrefixOnlyThePrefixedSessionCookieCounts() {
        try (TestServer https = TestServer.start(Map.of("lumina.auth.base-url", "https://app.example.com"))) {
            String alice = MINTER.token("alice");
            Response r = https.request().header("Cookie", "lumina.session=" + MINTER.token("mallory")
                    + "; __Host-lumina.session=" + alice + "; lumina.session=garbage").get("probe/whoami");
            assertEquals("alice|alice", r.asString());
            Response two = https.request().header("Cookie", "__Host-lumina.session=" + alice
                    + "; __Host-lumina.session=" + alice).get("probe/whoami");
            assertEquals("anonymous|-", two.asString());
        }
    }
}
