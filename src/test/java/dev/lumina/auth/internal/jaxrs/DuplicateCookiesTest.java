package dev.lumina.auth.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.internal.web.CookieHeader;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S96: two cookies of the same name are a planted-cookie attempt. The runtimes collapse them, so the raw
 * {@code Cookie} header is read: the request is anonymous and the session cookie cleared; two CSRF cookies
 * are no CSRF cookie. Under {@code __Host-} only the prefixed cookie counts (in SecureCookieTest).
 */
class DuplicateCookiesTest {
    private static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Response whoami(String cookieHeader) {
        return server.request().header("Cookie", cookieHeader).get("probe/whoami");
    }

    @Test
    void s96_twoSessionCookiesMakeTheRequestAnonymousAndClearTheCookie() {
        String alice = MINTER.token("alice");
        String mallory = MINTER.token("mallory");
        for (String header : List.of("lumina.session=" + alice + "; lumina.session=" + mallory,
                "lumina.session=" + mallory + "; lumina.session=" + alice,
                "lumina.session=" + alice + "; lumina.session=" + alice,
                "lumina.session=" + alice + "; lumina.session=garbage",
                "lumina.session=garbage; lumina.session=" + alice,
                "lumina.session=" + alice + ";lumina.session=",
                "other=1; lumina.session=" + alice + "; x=2; lumina.session=" + mallory + "; lumina.session=" + alice)) {
            server.events().clear();
            Response r = whoami(header);
            assertEquals("anonymous|-", r.asString(), header);
            assertTrue(r.header("Set-Cookie").startsWith("lumina.session=; Max-Age=0"), String.valueOf(r.header("Set-Cookie")));
            assertEquals(AuthError.SESSION_INVALID, server.events().of(AuthFailed.class).get(0).error());
            assertEquals("null", server.request().header("Cookie", header).get("auth/session").asString().trim());
        }
    }

    @Test
    void s96_oneSessionCookieBesideOthersStillCounts() {
        String alice = MINTER.token("alice");
        assertEquals("alice|alice", whoami("a=1; lumina.session=" + alice + "; lumina.sessionx=2; b=3").asString());
    }

    @Test
    void s96_twoCsrfCookiesAreNoCsrfCookie() {
        Response csrf = server.request().get("auth/csrf");
        String token = csrf.jsonPath().getString("csrfToken");
        String cookie = csrf.getCookie("lumina.csrf");
        for (String header : List.of("lumina.csrf=" + cookie + "; lumina.csrf=" + cookie,
                "lumina.csrf=" + cookie + "; lumina.csrf=planted.value")) {
            server.events().clear();
            Response r = server.request().header("Cookie", header + "; lumina.session=" + MINTER.token("alice"))
                    .formParam("csrfToken", token).post("auth/signout");
            assertEquals(403, r.statusCode(), header);
            assertTrue(server.events().of(SignedOut.class).isEmpty());
        }
        server.request().header("Cookie", "lumina.csrf=" + cookie).formParam("csrfToken", token).post("auth/signout")
                .then().statusCode(303);
    }

    @Test
    void rawCookieHeaderIsReadWithEveryPairAndEveryHeader() {
        assertEquals(List.of("a", "b"), CookieHeader.values(List.of("lumina.session=a; x=1; lumina.session=b"), "lumina.session"));
        assertEquals(List.of("a", "b"), CookieHeader.values(List.of("lumina.session=a", "lumina.session=b"), "lumina.session"));
        assertEquals(List.of("a", "b"), CookieHeader.values(List.of("lumina.session=a, lumina.session=b"), "lumina.session"));
        assertEquals(List.of("a"), CookieHeader.values(List.of(" lumina.session = a ;__Host-lumina.session=c"), "lumina.session"));
        assertEquals(List.of(), CookieHeader.values(null, "lumina.session"));
        assertEquals(List.of(), CookieHeader.values(Arrays.asList(null, "", ";;", "=x", "lumina.session"), "lumina.session"));
    }
}
