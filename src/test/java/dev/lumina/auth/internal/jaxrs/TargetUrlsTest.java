package dev.lumina.auth.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S95: the targets of a sign-in ({@code callbackUrl}, {@code errorUrl}) are judged as targets, whatever their
 * length: an overlong one is {@code invalid_redirect} (400), not a misleading {@code csrf_invalid}; a legitimate
 * encoded space is allowed.
 */
class TargetUrlsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("lumina.auth.providers.login.type", "credentials"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String[] csrf() {
        Response r = server.request().get("auth/csrf");
        return new String[] {r.jsonPath().getString("csrfToken"), r.getCookie("lumina.csrf")};
    }

    @Test
    void s95_overlongCallbackOrErrorUrlIsInvalidRedirectNotCsrfInvalid() {
        String[] c = csrf();
        for (String field : List.of("callbackUrl", "errorUrl")) {
            for (int length : List.of(1025, 2000, 2049, 8000)) {
                String target = "/" + "a".repeat(length - 1);
                Response form = server.request().cookie("lumina.csrf", c[1]).formParam("csrfToken", c[0])
                        .formParam(field, target).post("auth/signin/login");
                assertEquals(400, form.statusCode(), field + " " + length);
                assertEquals("invalid_redirect", form.jsonPath().getString("error"), field + " " + length);
                Response json = server.request().cookie("lumina.csrf", c[1]).header("X-CSRF-Token", c[0])
                        .contentType("application/json").body(Map.of(field, target)).post("auth/signin/login");
                assertEquals(400, json.statusCode(), field + " " + length);
                assertEquals("invalid_redirect", json.jsonPath().getString("error"));
            }
        }
    }

    @Test
    void s95_overlongCallbackUrlWithoutCsrfTokenIsStillCsrfInvalid() {
        String[] c = csrf();
        Response r = server.request().cookie("lumina.csrf", c[1]).formParam("callbackUrl", "/" + "a".repeat(3000))
                .post("auth/signin/login");
        assertEquals(403, r.statusCode());
        assertEquals("csrf_invalid", r.jsonPath().getString("error"));
    }

    @Test
    void s95_callbackUrlWithEncodedSpaceIsKept() {
        String[] c = csrf();
        for (String target : List.of("/search?q=a%20b", "/a%20b", "/search?q=caf%C3%A9%20au%20lait")) {
            Response r = server.request().cookie("lumina.csrf", c[1]).formParam("csrfToken", c[0])
                    .formParam("callbackUrl", target).post("auth/signin/login");
            assertEquals(303, r.statusCode(), target + ": " + r.asString());
            Response out = server.request().cookie("lumina.csrf", c[1]).formParam("csrfToken", c[0])
                    .formParam("callbackUrl", target).post("auth/signout");
            assertEquals(303, out.statusCode(), target);
            assertTrue(out.header("Location").endsWith(target), out.header("Location"));
        }
    }
}
