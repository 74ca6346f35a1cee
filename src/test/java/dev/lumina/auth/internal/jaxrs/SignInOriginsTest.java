package dev.lumina.auth.internal.jaxrs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browserless;
import dev.lumina.auth.testing.LogCapture;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LUMINA-2601: a sign-in started on a page of another origin than the one Lumina answers as (the dev-proxy
 * mistake) is told in the log when it starts, with the likely fix; the proxy case done right (forwarded headers
 * from a trusted proxy, or the browser's Host kept) is silent and sends the provider back to the page's origin.
 */
class SignInOriginsTest {
    static MockOAuth2Server idp;

    @BeforeAll
    static void provider() {
        idp = new MockOAuth2Server();
        idp.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stop() {
        idp.shutdown();
    }

    private static LuminaServer lumina(boolean trustForwarded) {
        return LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.trust-forwarded-headers", String.valueOf(trustForwarded))
                .property("lumina.auth.allowed-origins", "https://app.example.com")
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", idp.issuerUrl("default").toString())
                .property("lumina.auth.providers.dev.client-id", "origins-test")
                .start();
    }

    /** POST /auth/signin/dev with a valid CSRF token (unless {@code withToken} is false) and these headers. */
    private static Response start(LuminaServer server, boolean withToken, Map<String, String> headers) {
        Browserless.Csrf csrf = Browserless.csrf(server);
        return Browserless.withCsrf(server, csrf).headers(headers).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrfToken", withToken ? csrf.token() : "wrong"))
                .post("auth/signin/dev");
    }

    private static long count(LogCapture log, String part) {
        return log.lines().stream().filter(l -> l.startsWith("LUMINA-2601") && l.contains(part)).count();
    }

    private static String redirectUri(Response r) {
        for (String pair : URI.create(r.header("Location")).getRawQuery().split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                return URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no redirect_uri in " + r.header("Location"));
    }

    @Test
    void aSignInFromAPageOfAnotherOriginIsLoggedOncePerOriginWithTheLikelyFix() {
        try (LuminaServer server = lumina(false); LogCapture log = new LogCapture()) {
            String own = "http://127.0.0.1:" + server.port();
            // a proxy that replaced the Host header and sent X-Forwarded-Host, which is not trusted
            Map<String, String> viaProxy = Map.of("Origin", "http://127.0.0.1:5173", "X-Forwarded-Host", "127.0.0.1:5173");
            for (int i = 0; i < 3; i++) {
                Response r = start(server, true, viaProxy);
                assertEquals(303, r.statusCode(), "the sign-in itself goes on");
                assertEquals(own + "/auth/callback/dev", redirectUri(r), "untrusted forwarded headers are ignored");
            }
            assertEquals(1, count(log, "sign-in with provider dev started on a page of http://127.0.0.1:5173, while "
                    + "Lumina answers as " + own), "once per page origin: " + log.all());
            assertEquals(1, count(log, "X-Forwarded-Host: 127.0.0.1:5173) whose forwarded headers Lumina ignores: set "
                    + "lumina.auth.trust-forwarded-headers=true"), log.all());

            // another page origin, no forwarded header: the Host was rewritten
            start(server, true, Map.of("Origin", "http://LOCALHOST:5173"));
            assertEquals(1, count(log, "a page of http://localhost:5173, while Lumina answers as " + own
                    + ": the provider sends the browser back there"), log.all());
            assertEquals(1, count(log, "a proxy in front of Lumina rewrote the Host header"), log.all());
        }
    }

    @Test
    void theSameOriginAnAllowedOriginNoOrDefectiveOriginAndARefusedStartAreNotLogged() {
        try (LuminaServer server = lumina(false); LogCapture log = new LogCapture()) {
            String own = "http://127.0.0.1:" + server.port();
            for (String origin : List.of(own, own + "/", "HTTP://127.0.0.1:" + server.port(), "https://app.example.com",
                    "https://APP.example.com:443", "null", "", "javascript:alert(1)", "http://", "file:///etc/passwd")) {
                Response r = start(server, true, Map.of("Origin", origin));
                assertEquals(303, r.statusCode(), origin);
            }
            start(server, true, Map.of()); // no Origin (an old browser, a script)
            // a refused start (no valid CSRF token) never gets to the check, whatever its Origin
            assertEquals(403, start(server, false, Map.of("Origin", "https://evil.example")).statusCode());
            assertEquals(0, log.lines().stream().filter(l -> l.startsWith("LUMINA-2601")).count(), log.all());
        }
    }

    @Test
    void behindATrustedProxyTheProviderComesBackToThePagesOriginAndNothingIsLogged() {
        try (LuminaServer server = lumina(true); LogCapture log = new LogCapture()) {
            // Vite's proxy with changeOrigin: true and xfwd: true, in front of Lumina
            for (String page : List.of("127.0.0.1:5173", "localhost:5173", "localhost:4173")) {
                Response r = start(server, true, Map.of("Origin", "http://" + page, "X-Forwarded-Host", page,
                        "X-Forwarded-Proto", "http", "X-Forwarded-Port", page.substring(page.indexOf(':') + 1),
                        "X-Forwarded-For", "127.0.0.1"));
                assertEquals(303, r.statusCode());
                assertEquals("http://" + page + "/auth/callback/dev", redirectUri(r));
                String flow = r.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("lumina.flow."))
                        .findFirst().orElseThrow();
                assertFalse(flow.toLowerCase(java.util.Locale.ROOT).contains("domain="), "host-only: " + flow);
            }
            assertEquals(0, log.lines().stream().filter(l -> l.startsWith("LUMINA-2601")).count(), log.all());
        }
    }

    @Test
    void aBaseUrlOfAnotherOriginIsNamedAsTheCause() {
        SignInOrigins origins = new SignInOrigins();
        origins.config = AuthConfig.builder().secrets(TestSecrets.A).baseUrl(URI.create("http://localhost:8080")).build();
        assertEquals("lumina.auth.base-url is set to http://localhost:8080: open the app at that origin only, or leave "
                + "base-url unset in development behind a dev proxy", origins.hint("localhost:5173"));
        origins.config = AuthConfig.builder().secrets(TestSecrets.A).build();
        assertTrue(origins.hint("evil\r\nLUMINA-0001").contains("(X-Forwarded-Host: (unusable))"));
        origins.config = AuthConfig.builder().secrets(TestSecrets.A).trustForwardedHeaders(true).build();
        assertTrue(origins.hint("localhost:5173").startsWith("a proxy in front of Lumina rewrote the Host header"));
    }

    @Test
    void originsAreComparedInTheirNormalForm() {
        assertEquals(Optional.of("http://localhost:5173"), SignInOrigins.origin("HTTP://LocalHost:5173"));
        assertEquals(Optional.of("https://app.example.com"), SignInOrigins.origin("https://app.example.com:443/x?y"));
        assertEquals(Optional.of("http://app.example.com"), SignInOrigins.origin("http://app.example.com:80"));
        assertEquals(Optional.of("http://[::1]:5173"), SignInOrigins.origin("http://[::1]:5173"));
        assertEquals(Optional.of("https://app.example.com:8443"), SignInOrigins.origin(" https://app.example.com:8443 "));
        for (String no : new String[] {null, "", "null", "ftp://x.example", "javascript:alert(1)", "http://", "/path",
                "http://a b.example", "x".repeat(3000)}) {
            assertEquals(Optional.empty(), SignInOrigins.origin(no), String.valueOf(no));
        }
    }
}
