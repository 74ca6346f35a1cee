package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.FlowAssertions.setCookies;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** redirect_uri and cookie security come from lumina.auth.base-url, or from the request; forwarded headers only when trusted. */
class RedirectUriTest {

    static LuminaServer server(HostileIdp idp, Map<String, String> more) {
        return LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", idp.issuer("t"))
                .property("lumina.auth.providers.dev.client-id", "c")
                .properties(more)
                .start();
    }

    /** POST /auth/signin/dev with a CSRF token, sending the extra headers on both requests. */
    static Response start(LuminaServer app, Map<String, String> headers) {
        Response csrf = given().headers(headers).get(app.uri() + "auth/csrf");
        return given().redirects().follow(false).headers(headers).cookies(csrf.getCookies())
                .formParams(Map.of("csrfToken", csrf.jsonPath().getString("csrfToken"), "callbackUrl", "/"))
                .post(app.uri() + "auth/signin/dev");
    }

    @Test
    void redirectUriAndSecureFlowCookieComeFromTheBaseUrlWhateverTheHeadersSay() {
        try (HostileIdp idp = new HostileIdp();
             LuminaServer app = server(idp, Map.of("lumina.auth.base-url", "https://app.example.com/api"))) {
            Response r = start(app, Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example"));
            assertEquals(303, r.statusCode(), r.asString());
            assertEquals("https://app.example.com/api/auth/callback/dev", OidcSignInTest.query(r.header("Location")).get("redirect_uri"));
            String flow = setCookies(r).stream().filter(c -> c.startsWith("__Host-lumina.flow.")).findFirst().orElseThrow();
            assertTrue(flow.contains("; Secure") && flow.contains("; Path=/") && !flow.contains("Domain"), flow);
        }
    }

    @Test
    void forwardedHeadersAreIgnoredUnlessTrusted() {
        try (HostileIdp idp = new HostileIdp(); LuminaServer app = server(idp, Map.of())) {
            Response r = start(app, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"));
            assertEquals(app.uri() + "auth/callback/dev", OidcSignInTest.query(r.header("Location")).get("redirect_uri"));
            assertTrue(setCookies(r).stream().anyMatch(c -> c.startsWith("lumina.flow.")));
        }
    }

    @Test
    void aDevProxyThatKeepsTheBrowsersHostHeaderGetsItsOriginInTheRedirectUri() {
        // Vite's server.proxy with changeOrigin: false (examples/sveltekit): the Host header names Vite's origin
        try (HostileIdp idp = new HostileIdp(); LuminaServer app = server(idp, Map.of())) {
            Response r = start(app, Map.of("Host", "localhost:5173"));
            assertEquals("http://localhost:5173/auth/callback/dev", OidcSignInTest.query(r.header("Location")).get("redirect_uri"));
        }
    }

    @Test
    void forwardedHeadersMakeTheRedirectUriWhenTrusted() {
        try (HostileIdp idp = new HostileIdp();
             LuminaServer app = server(idp, Map.of("lumina.auth.trust-forwarded-headers", "true"))) {
            Response r = start(app, Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "app.example.com"));
            assertEquals("https://app.example.com/auth/callback/dev", OidcSignInTest.query(r.header("Location")).get("redirect_uri"));
        }
    }
}
