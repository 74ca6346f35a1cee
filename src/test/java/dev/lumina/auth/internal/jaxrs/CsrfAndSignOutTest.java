package dev.lumina.auth.internal.jaxrs;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsrfAndSignOutTest {
    private static TestServer server;
    private static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("lumina.auth.allowed-origins", "https://app.example.com"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clearEvents() {
        server.events().clear();
    }

    /** token and cookie value from GET /auth/csrf */
    private static String[] csrf() {
        Response r = server.request().get("auth/csrf");
        return new String[] {r.jsonPath().getString("csrfToken"), r.getCookie("lumina.csrf")};
    }

    @Test
    void s58_csrfCookieFlagsAndTokenReuse() {
        Response r = server.request().get("auth/csrf");
        assertEquals(200, r.statusCode());
        assertEquals("no-store", r.header("Cache-Control"));
        String setCookie = r.header("Set-Cookie");
        assertTrue(setCookie.matches("lumina\\.csrf=[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax"), setCookie);
        String token = r.jsonPath().getString("csrfToken");
        server.request().cookie("lumina.csrf", r.getCookie("lumina.csrf")).get("auth/csrf")
                .then().body("csrfToken", equalTo(token)).header("Set-Cookie", nullValue());
    }

    @Test
    void s06_noCorsNoJsonpNoCaching() {
        server.request().header("Origin", "https://evil.example").queryParam("callback", "x").get("auth/csrf")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Cache-Control", "no-store").contentType("application/json")
                .body(startsWith("{\"csrfToken\":"));
    }

    @Test
    void s01_signOutWithCookieButNoTokenIs403AndKeepsTheSession() {
        String[] c = csrf();
        server.request().cookie("lumina.csrf", c[1]).cookie("lumina.session", MINTER.token("alice"))
                .contentType("application/x-www-form-urlencoded").formParam("callbackUrl", "/")
                .post("auth/signout")
                .then().statusCode(403).body("error", equalTo("csrf_invalid")).header("Set-Cookie", nullValue());
        List<AuthFailed> failed = server.events().of(AuthFailed.class);
        assertEquals(1, failed.size());
        assertEquals(AuthError.CSRF_INVALID, failed.get(0).error());
        assertTrue(server.events().of(SignedOut.class).isEmpty());
    }

    @Test
    void s02_tokenOfAnotherCookieIsRefused() {
        String[] victim = csrf();
        String[] attacker = csrf();
        server.request().cookie("lumina.csrf", victim[1]).formParam("csrfToken", attacker[0])
                .post("auth/signout").then().statusCode(403);
        server.request().cookie("lumina.csrf", victim[1]).header("X-CSRF-Token", attacker[0])
                .post("auth/signout").then().statusCode(403);
    }

    @Test
    void s03_forgedCookieWithMatchingFieldIsRefused() {
        server.request().cookie("lumina.csrf", "aaaa.bad-hmac").formParam("csrfToken", "aaaa")
                .post("auth/signout").then().statusCode(403).body("error", equalTo("csrf_invalid"));
    }

    @Test
    void s05_getAndMethodOverrideCannotSignOut() {
        String[] c = csrf();
        server.request().cookie("lumina.csrf", c[1]).cookie("lumina.session", MINTER.token("alice"))
                .queryParam("csrfToken", c[0]).get("auth/signout")
                .then().statusCode(405).header("Set-Cookie", nullValue());
        server.request().cookie("lumina.csrf", c[1]).header("X-HTTP-Method-Override", "GET")
                .post("auth/signout").then().statusCode(403);
        assertTrue(server.events().of(SignedOut.class).isEmpty());
    }

    @Test
    void s88_signOutClearsRedirectsAndIsIdempotent() {
        String[] c = csrf();
        for (String session : new String[] {MINTER.token("alice"), "tampered.token.value", null}) {
            var req = server.request().cookie("lumina.csrf", c[1]).formParam("csrfToken", c[0]).formParam("callbackUrl", "/bye");
            if (session != null) {
                req.cookie("lumina.session", session);
            }
            Response r = req.post("auth/signout");
            assertEquals(303, r.statusCode(), "session " + session);
            assertTrue(r.header("Location").endsWith("/bye"), r.header("Location"));
            assertEquals(List.of("lumina.session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
                    "lumina.logout-hint=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/auth; HttpOnly; SameSite=Lax"),
                    r.headers().getValues("Set-Cookie"), "the session and the logout hint cleared");
        }
        assertEquals("alice", server.events().of(SignedOut.class).get(0).session().subject());
        assertEquals(3, server.events().of(SignedOut.class).size());
    }

    @Test
    void signOutAnswersJsonToFetchClientsWithTheHeaderToken() {
        String[] c = csrf();
        List<String> cookies = server.request().cookie("lumina.csrf", c[1]).header("X-CSRF-Token", c[0]).accept("application/json")
                .cookie("lumina.session", MINTER.token("alice"))
                .post("auth/signout")
                .then().statusCode(200).body("url", equalTo("/"))
                .extract().headers().getValues("Set-Cookie");
        assertTrue(cookies.get(0).startsWith("lumina.session=; Max-Age=0"), cookies.toString());
    }

    private static final List<String> REFUSED_TARGETS = List.of("https://evil.example/steal", "//evil.example",
            "/\\evil.example", "javascript:alert(1)", "http://[::1", "/%5Cevil.example", "https:evil.example", "x".repeat(3000));

    @Test
    void s94_signOutWithRefusedCallbackUrlStillSignsOutToTheDefault() {
        String[] c = csrf();
        for (String target : REFUSED_TARGETS) {
            server.events().clear();
            Response r = server.request().cookie("lumina.csrf", c[1]).formParam("csrfToken", c[0])
                    .formParam("callbackUrl", target).cookie("lumina.session", MINTER.token("alice")).post("auth/signout");
            assertEquals(303, r.statusCode(), target);
            assertEquals("/", java.net.URI.create(r.header("Location")).getPath(), "the default: " + r.header("Location"));
            assertTrue(r.headers().getValues("Set-Cookie").get(0).startsWith("lumina.session=; Max-Age=0"), r.headers().toString());
            assertEquals(1, server.events().of(SignedOut.class).size(), "SignedOut fired");
            assertEquals("alice", server.events().of(SignedOut.class).get(0).session().subject());
            assertEquals(AuthError.INVALID_REDIRECT, server.events().of(AuthFailed.class).get(0).error());
        }
        server.request().cookie("lumina.csrf", c[1]).formParam("csrfToken", c[0])
                .formParam("callbackUrl", "https://app.example.com/home").post("auth/signout")
                .then().statusCode(303).header("Location", equalTo("https://app.example.com/home"));
    }

    @Test
    void s94_fetchClientSignOutWithRefusedCallbackUrlGetsTheDefaultAndTheError() {
        String[] c = csrf();
        for (String target : REFUSED_TARGETS) {
            List<String> cookies = server.request().cookie("lumina.csrf", c[1]).header("X-CSRF-Token", c[0]).accept("application/json")
                    .contentType("application/json").body(Map.of("callbackUrl", target))
                    .cookie("lumina.session", MINTER.token("alice")).post("auth/signout")
                    .then().statusCode(200).body("url", equalTo("/")).body("error", equalTo("invalid_redirect"))
                    .extract().headers().getValues("Set-Cookie");
            assertTrue(cookies.get(0).startsWith("lumina.session=; Max-Age=0"), cookies.toString());
        }
    }

    @Test
    void s94_signOutWithRefusedCallbackUrlButNoCsrfTokenSignsNobodyOut() {
        String[] c = csrf();
        for (String token : new String[] {null, "", "wrong", c[0] + "x"}) {
            server.events().clear();
            var req = server.request().cookie("lumina.csrf", c[1]).formParam("callbackUrl", "https://evil.example")
                    .cookie("lumina.session", MINTER.token("alice"));
            if (token != null) {
                req.formParam("csrfToken", token);
            }
            Response r = req.post("auth/signout");
            assertEquals(403, r.statusCode());
            assertEquals("csrf_invalid", r.jsonPath().getString("error"));
            assertNull(r.header("Set-Cookie"), "the session stays");
            assertTrue(server.events().of(SignedOut.class).isEmpty());
        }
    }

    @Test
    void oversizedOrMalformedSignOutBodyIsRefusedWithout500() {
        String[] c = csrf();
        server.request().cookie("lumina.csrf", c[1]).contentType("application/json").body("{\"csrfToken\":")
                .post("auth/signout").then().statusCode(403);
        server.request().cookie("lumina.csrf", c[1]).contentType("application/x-www-form-urlencoded")
                .body("csrfToken=" + c[0] + "&pad=" + "x".repeat(40_000)).post("auth/signout")
                .then().statusCode(403).body(not(containsString("Exception")));
        // found by fuzzing: parsson's "too deeply nested" was a RuntimeException the body reader let through (500)
        for (int depth : new int[] {999, 1001, 3000}) {
            String deep = "{\"csrfToken\":\"" + c[0] + "\",\"a\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth + 1);
            server.request().cookie("lumina.csrf", c[1]).contentType("application/json").body(deep).post("auth/signout")
                    .then().statusCode(403).body(not(containsString("Exception")));
        }
    }
}
