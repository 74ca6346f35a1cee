package dev.lumina.auth.tokens;

import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.session.ProviderTokensSeal;
import dev.lumina.auth.internal.web.CookieChunks;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.TestSecrets;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * mock-oauth2-server on loopback as a provider that issues refresh tokens and rotates them on every refresh. Issuers:
 * {@code short} (access tokens for 30 s: shorter than the one-minute margin, so every {@code accessToken()} of a
 * cookie from before refreshes), {@code default} (an hour), {@code big} (Keycloak-sized tokens: realm and client
 * roles, groups, a long audience).
 */
final class TokenIdp implements AutoCloseable {
    final MockOAuth2Server server;

    TokenIdp() {
        Set<OAuth2TokenCallback> callbacks = Set.of(
                new DefaultOAuth2TokenCallback("short", "alice", "JWT", null, Map.of("email", "alice@example.com"), 30),
                new DefaultOAuth2TokenCallback("big", "8f0c2d4e-3b6a-4c1e-9f7d-2a5b8c9d0e1f", "JWT", null, keycloakClaims(), 300));
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, true, new OAuth2TokenProvider(), callbacks));
        server.start(InetAddress.getLoopbackAddress(), 0);
        // the provider's first answers are slow while its JVM warms up
        for (String issuer : List.of("short", "default", "big")) {
            io.restassured.RestAssured.get(issuer(issuer) + "/.well-known/openid-configuration").then().statusCode(200);
            io.restassured.RestAssured.get(issuer(issuer) + "/jwks").then().statusCode(200);
        }
    }

    /** Claims of the size a Keycloak realm with a few clients puts in its tokens. */
    static Map<String, Object> keycloakClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("email", "kim.example@corp.example");
        c.put("email_verified", true);
        c.put("name", "Kim Example");
        c.put("preferred_username", "kim.example");
        c.put("given_name", "Kim");
        c.put("family_name", "Example");
        c.put("session_state", "5e3c9a3b-8d2f-4c55-a1c4-1f0e3b7d9a21");
        c.put("sid", "5e3c9a3b-8d2f-4c55-a1c4-1f0e3b7d9a21");
        c.put("acr", "1");
        c.put("azp", "lumina-rp");
        c.put("allowed-origins", List.of("https://app.corp.example", "https://admin.corp.example"));
        c.put("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization", "default-roles-corp", "employee",
                "reporting-reader", "timesheet-user")));
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("account", Map.of("roles", List.of("manage-account", "manage-account-links", "view-profile")));
        resources.put("reporting-api", Map.of("roles", List.of("read", "export")));
        resources.put("timesheet-api", Map.of("roles", List.of("submit", "approve-team")));
        c.put("resource_access", resources);
        c.put("groups", List.of("/corp/engineering", "/corp/engineering/platform", "/corp/all-staff", "/corp/oncall"));
        c.put("scope", "openid profile email offline_access");
        return c;
    }

    String issuer(String id) {
        return server.issuerUrl(id).toString();
    }

    void drain() {
        while (poll(10) != null) {
            // what earlier tests left
        }
    }

    RecordedRequest poll(long millis) {
        try {
            return server.takeRequest(millis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The refresh_token values of every refresh request that arrived since the last drain. */
    List<String> refreshes() {
        List<String> found = new ArrayList<>();
        for (RecordedRequest r; (r = poll(300)) != null; ) {
            String body = r.getBody().readUtf8();
            if (r.getPath().contains("/token") && body.contains("grant_type=refresh_token")) {
                for (String pair : body.split("&")) {
                    if (pair.startsWith("refresh_token=")) {
                        found.add(java.net.URLDecoder.decode(pair.substring(14), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return found;
    }

    /** Opens a tokens cookie as the server does (the tests know the secret). */
    static KeptTokens open(String cookieValue) {
        return seal().open(cookieValue);
    }

    static ProviderTokensSeal seal() {
        return new ProviderTokensSeal(new JoseTokens(KeyRing.of(List.of(TestSecrets.A.getBytes(StandardCharsets.UTF_8))),
                Duration.ofSeconds(60)), Clock.systemUTC());
    }

    /** The tokens cookie a browser holds (whole or from its chunks), or null. */
    static String tokensCookie(Map<String, String> jar) {
        List<String> pairs = new ArrayList<>();
        jar.forEach((n, v) -> pairs.add(n + "=" + v));
        return CookieChunks.read(List.of(String.join("; ", pairs)), "lumina.tokens").value();
    }

    static String tokensCookie(Browser browser) {
        return tokensCookie(browser.cookies());
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
