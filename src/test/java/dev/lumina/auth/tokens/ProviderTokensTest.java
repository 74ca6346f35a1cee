package dev.lumina.auth.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.TokenSet;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.session.KeptTokens;
import dev.lumina.auth.internal.session.TokenSyntax;
import dev.lumina.auth.testing.AllLogs;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.ProfileDecider;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TokensProbe;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Provider tokens against a real OpenID Connect provider on loopback that issues and rotates refresh tokens
 * (mock-oauth2-server): kept sealed at sign-in, refreshed when due, one refresh for many parallel requests, the
 * rotated refresh token stored, a refused refresh, and no token anywhere a browser or a log could show it.
 */
class ProviderTokensTest {
    static TokenIdp idp;
    static LuminaServer app;
    static RecordedEvents events;
    static ProfileDecider decider;

    @BeforeAll
    static void start() {
        idp = new TokenIdp();
        LuminaServer.Builder b = LuminaServer.builder().port(0).property("lumina.auth.secret", TestSecrets.A);
        provider(b, "dev", "short", true);
        provider(b, "long", "default", true);
        provider(b, "plain", "default", false);
        provider(b, "corp", "big", true);
        app = b.classes(ProbeResource.class, TokensProbe.class, RecordedEvents.class, ProfileDecider.class).start();
        events = app.beans().select(RecordedEvents.class).get();
        decider = app.beans().select(ProfileDecider.class).get();
    }

    private static void provider(LuminaServer.Builder b, String id, String issuer, boolean keep) {
        b.property("lumina.auth.providers." + id + ".type", "oidc")
                .property("lumina.auth.providers." + id + ".issuer", idp.issuer(issuer))
                .property("lumina.auth.providers." + id + ".client-id", "lumina-rp")
                .property("lumina.auth.providers." + id + ".client-secret", "rp-secret")
                .property("lumina.auth.providers." + id + ".scopes", "openid email offline_access")
                .property("lumina.auth.providers." + id + ".keep-tokens", String.valueOf(keep));
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @BeforeEach
    void clean() {
        events.clear();
        decider.reset();
        idp.drain();
    }

    static Browser signedIn(String provider) {
        Browser browser = new Browser(app.uri());
        assertEquals(303, browser.signIn(provider).statusCode());
        assertNotNull(browser.cookie("lumina.session"));
        return browser;
    }

    static String sessionId(Browser browser) {
        return new SessionMinter(TestSecrets.A).codec().decode(browser.cookie("lumina.session")).id();
    }

    @Test
    void signInWithKeepTokensSealsThemInACookieOfTheirOwnBoundToTheSession() {
        Browser browser = signedIn("long");
        TokenSet issued = decider.seen().get(0).tokens().orElseThrow();
        String cookie = TokenIdp.tokensCookie(browser);
        assertNotNull(cookie, "the tokens cookie is set at sign-in");
        assertTrue(TokenSyntax.isCompactJwe(cookie), "sealed (JWE), not signed");
        assertFalse(cookie.contains(issued.accessToken()) || cookie.contains(issued.refreshToken()));
        KeptTokens kept = TokenIdp.open(cookie);
        assertEquals(issued.accessToken(), kept.accessToken());
        assertEquals(issued.refreshToken(), kept.refreshToken());
        assertEquals(issued.expiresAt().getEpochSecond(), kept.expiresAt().getEpochSecond());
        assertEquals("long", kept.provider());
        assertEquals(sessionId(browser), kept.sessionId());

        String info = browser.get("tokens/info").then().statusCode(200).extract().asString();
        assertTrue(info.startsWith("true|long|"), info);
        assertTrue(info.contains("openid") && info.endsWith("|true"), info);
        assertEquals(issued.accessToken(), browser.get("tokens/access").then().statusCode(200).extract().asString(),
                "an hour left, more than the margin: no refresh");
        assertEquals(List.of(), idp.refreshes());
    }

    @Test
    void aProviderWithoutKeepTokensKeepsNothing() {
        Browser browser = signedIn("plain");
        assertNull(TokenIdp.tokensCookie(browser));
        assertEquals("false|-||-|false", browser.get("tokens/info").asString());
        Response r = browser.get("tokens/access");
        assertEquals(401, r.statusCode());
        assertEquals("unauthenticated", r.jsonPath().getString("error"));
        assertEquals("false|-||-|false", new Browser(app.uri()).get("tokens/info").asString(), "signed out: nothing");
    }

    @Test
    void expiryForcesARefreshAndTheRotatedRefreshTokenIsStored() {
        Browser browser = signedIn("dev");
        KeptTokens before = TokenIdp.open(TokenIdp.tokensCookie(browser));
        assertTrue(before.expiresAt().isBefore(Instant.now().plusSeconds(60)), "issued for 30 s, inside the margin");

        Response r = browser.get("tokens/access");
        assertEquals(200, r.statusCode());
        assertEquals(List.of(before.refreshToken()), idp.refreshes(), "one refresh, with the kept refresh token");
        KeptTokens after = TokenIdp.open(TokenIdp.tokensCookie(browser));
        assertEquals(r.asString(), after.accessToken(), "the new access token is answered and stored");
        assertNotEquals(before.accessToken(), after.accessToken());
        assertNotEquals(before.refreshToken(), after.refreshToken(), "the provider rotated the refresh token: stored");
        assertEquals(before.sessionId(), after.sessionId());

        // the next request carries the new cookie: its rotated refresh token is the one used
        browser.get("tokens/access").then().statusCode(200);
        assertEquals(List.of(after.refreshToken()), idp.refreshes());
    }

    @Test
    void twentyConcurrentRequestsOfOneSessionShareOneRefresh() throws Exception {
        Browser browser = signedIn("dev");
        KeptTokens before = TokenIdp.open(TokenIdp.tokensCookie(browser));
        List<String> pairs = new ArrayList<>();
        browser.cookies().forEach((n, v) -> pairs.add(n + "=" + v));
        String cookieHeader = String.join("; ", pairs);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(app.uri().resolve("tokens/access")).header("Cookie", cookieHeader).build();
        int n = 20;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            List<String> tokens = new ArrayList<>();
            List<String> refreshTokens = new ArrayList<>();
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                tokens.add(r.body());
                Map<String, String> jar = new LinkedHashMap<>();
                for (String h : r.headers().allValues("set-cookie")) {
                    jar.put(h.substring(0, h.indexOf('=')), h.substring(h.indexOf('=') + 1, h.indexOf(';')));
                }
                KeptTokens stored = TokenIdp.open(TokenIdp.tokensCookie(jar));
                assertEquals(r.body(), stored.accessToken(), "each response carries the tokens it answered");
                refreshTokens.add(stored.refreshToken());
            }
            List<String> refreshes = idp.refreshes();
            System.out.println("[figures] " + n + " concurrent requests of one session: " + refreshes.size()
                    + " refresh request(s) at the provider, " + tokens.stream().distinct().count() + " distinct access token(s)");
            assertEquals(List.of(before.refreshToken()), refreshes, "exactly one refresh at the provider");
            assertEquals(1, tokens.stream().distinct().count(), "all share the one new access token");
            assertNotEquals(before.accessToken(), tokens.get(0));
            assertEquals(1, refreshTokens.stream().distinct().count());
            assertNotEquals(before.refreshToken(), refreshTokens.get(0), "every response carries the rotated refresh token");
            assertEquals(0, events.of(AuthFailed.class).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRefreshEndsInTokenRefreshFailedAndTheSessionGoesOnWithoutTokens() {
        Browser browser = signedIn("dev");
        KeptTokens real = TokenIdp.open(TokenIdp.tokensCookie(browser));
        // a refresh token the provider does not know (revoked, or rotated away by another node)
        KeptTokens revoked = new KeptTokens("dev", real.sessionId(), real.accessToken(), real.expiresAt(), real.scopes(),
                "rotated-away-or-revoked", real.notAfter());
        browser.cookie("lumina.tokens", TokenIdp.seal().seal(revoked));
        Response r = browser.get("tokens/access");
        assertEquals(401, r.statusCode());
        assertEquals("token_refresh_failed", r.jsonPath().getString("error"));
        assertEquals(List.of("rotated-away-or-revoked"), idp.refreshes());
        assertNull(browser.cookie("lumina.tokens"), "the tokens cookie is cleared");
        assertNotNull(browser.cookie("lumina.session"), "keep-session (the default): still signed in");
        assertTrue(browser.get("probe/whoami").asString().startsWith("dev:alice|"));
        assertEquals("false|-||-|false", browser.get("tokens/info").asString());
        List<AuthFailed> failed = events.of(AuthFailed.class);
        assertEquals(1, failed.size());
        assertEquals(AuthError.TOKEN_REFRESH_FAILED, failed.get(0).error());
        assertEquals("dev", failed.get(0).provider());
    }

    @Test
    void aTokensCookieServesOnlyTheSessionItWasWrittenFor() {
        Browser alice = signedIn("long");
        Browser other = signedIn("long");
        other.cookie("lumina.tokens", TokenIdp.tokensCookie(alice));
        Response r = other.get("tokens/info");
        assertEquals("false|-||-|false", r.asString(), "another session's tokens are not believed");
        assertTrue(r.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lumina.tokens=;")), "and cleared");
    }

    @Test
    void theTokensCookieIsReadOnlyWhenTheApplicationAsks() {
        Browser browser = signedIn("long");
        browser.cookie("lumina.tokens", "tampered");
        try (AllLogs logs = AllLogs.all()) {
            Response untouched = browser.get("probe/whoami");
            assertEquals(200, untouched.statusCode());
            assertTrue(untouched.headers().getValues("Set-Cookie").isEmpty(), "a request that does not ask never opens it");
            assertFalse(logs.text().contains("LUMINA-1301"));
            Response asked = browser.get("tokens/info");
            assertEquals("false|-||-|false", asked.asString());
            assertTrue(logs.text().contains("LUMINA-1301"), "opened, refused, logged at debug");
            assertTrue(asked.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lumina.tokens=;")));
        }
    }

    @Test
    void aNewSignInWithoutKeptTokensAndSignOutClearTheTokensCookie() {
        Browser browser = signedIn("long");
        assertNotNull(TokenIdp.tokensCookie(browser));
        browser.signIn("plain");
        assertNull(TokenIdp.tokensCookie(browser), "cleared by the next sign-in");

        browser.signIn("long");
        assertNotNull(TokenIdp.tokensCookie(browser));
        Response out = browser.postForm("auth/signout", Map.of("csrfToken", browser.csrfToken()));
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lumina.tokens=; Max-Age=0")));
        assertNull(TokenIdp.tokensCookie(browser));
        assertNull(browser.cookie("lumina.session"));
    }

    @Test
    void noTokenInTheSessionCookieSessionEndpointClientScriptOrLogs() {
        try (AllLogs logs = AllLogs.all()) {
            Browser browser = signedIn("dev");
            browser.get("tokens/access").then().statusCode(200);
            TokenSet issued = decider.seen().get(0).tokens().orElseThrow();
            KeptTokens refreshed = TokenIdp.open(TokenIdp.tokensCookie(browser));
            List<String> secrets = List.of(issued.accessToken(), issued.refreshToken(), refreshed.accessToken(),
                    refreshed.refreshToken());
            String session = browser.get("auth/session").asString();
            String client = browser.get("auth/client.js").asString();
            String sessionPayload = new String(Base64.getUrlDecoder().decode(browser.cookie("lumina.session").split("\\.")[1]),
                    StandardCharsets.UTF_8);
            for (String secret : secrets) {
                for (String where : List.of(session, client, sessionPayload, logs.text(), String.join(";", browser.cookies().values()))) {
                    assertFalse(where.contains(secret), "a token leaked");
                    assertFalse(where.contains(secret.substring(0, Math.min(24, secret.length()))), "part of a token leaked");
                }
            }
            assertFalse(session.contains("refresh") || session.contains("access_token"), session);
        }
    }

    @Test
    void aKeycloakSizedTokenSetFitsAndItsCookieSizesAreMeasured() {
        Browser browser = signedIn("corp");
        TokenSet issued = decider.seen().get(0).tokens().orElseThrow();
        int total = issued.idToken().length() + issued.accessToken().length() + issued.refreshToken().length();
        List<String> tokenCookies = browser.cookies().keySet().stream().filter(n -> n.startsWith("lumina.tokens")).toList();
        int sealed = TokenIdp.tokensCookie(browser).length();
        System.out.println("[figures] Keycloak-sized set: id_token " + issued.idToken().length() + ", access_token "
                + issued.accessToken().length() + ", refresh_token " + issued.refreshToken().length() + " = " + total
                + " chars; tokens cookie " + sealed + " chars in " + tokenCookies.size() + " cookie(s); session cookie "
                + browser.cookie("lumina.session").length() + " chars");
        assertTrue(total >= 3000, "a token set of Keycloak's size: " + total);
        KeptTokens kept = TokenIdp.open(TokenIdp.tokensCookie(browser));
        assertEquals(issued.accessToken(), kept.accessToken());
        assertEquals(issued.accessToken(), browser.get("tokens/access").then().statusCode(200).extract().asString());
    }
}
