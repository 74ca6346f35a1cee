package dev.lumina.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.MockLoginForm;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /demo/provider-call}: the dev provider's userinfo, called with the access token Lumina kept. */
class DemoProviderCallTest {
    static Demo demo;

    @BeforeAll
    static void start() {
        demo = Demo.start(0);
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void signedInWithTheDevProviderTheCallAnswersTheProvidersJson() {
        Browser browser = new Browser(demo.app().uri());
        assertEquals(303, MockLoginForm.signIn(browser, "dev", "alice", "{\"department\":\"research\"}").statusCode());
        Response r = browser.get("demo/provider-call");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/json", r.contentType().split(";")[0]);
        assertEquals("alice", r.jsonPath().getString("sub"), "the provider knew who the token belongs to");
        assertEquals("research", r.jsonPath().getString("department"));
    }

    @Test
    void signedOutIsA401() {
        Response r = new Browser(demo.app().uri()).get("demo/provider-call");
        assertEquals(401, r.statusCode());
        assertEquals("unauthenticated", r.jsonPath().getString("error"));
    }

    @Test
    void theDemoAccountHasNoProviderTokens() {
        Browser browser = new Browser(demo.app().uri());
        Map<String, String> form = Map.of("csrfToken", browser.csrfToken(), "username", DemoAccounts.USER,
                "password", DemoAccounts.PASSWORD, "callbackUrl", "/demo");
        assertEquals(303, browser.postForm("auth/callback/credentials", form).statusCode());
        Response r = browser.get("demo/provider-call");
        assertEquals(404, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("no_provider_tokens"));
    }
}
