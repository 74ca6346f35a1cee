package dev.lumina.auth.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S98: the callback's URL holds the provider's code and state; every response of {@code /auth/callback/*}
 * carries {@code Referrer-Policy: no-referrer}, so the next page never receives them in a {@code Referer}.
 */
class CallbackReferrerPolicyTest {
    static HostileIdp idp;
    static LuminaServer app;

    @BeforeAll
    static void start() {
        idp = new HostileIdp();
        app = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.dev.type", "oidc")
                .property("lumina.auth.providers.dev.issuer", idp.issuer("t"))
                .property("lumina.auth.providers.dev.client-id", HostileIdp.CLIENT_ID)
                .property("lumina.auth.providers.login.type", "credentials")
                .classes(ProbeResource.class, TestAccounts.class)
                .start();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @Test
    void s98_everyCallbackResponseCarriesNoReferrer() {
        List<Response> answers = new ArrayList<>();
        answers.add(new Browser(app.uri()).signIn("dev")); // success: 303 to the callbackUrl
        Browser failing = new Browser(app.uri());
        Response start = failing.startSignIn("dev", "/home", "/oops");
        answers.add(failing.get(failing.authorize(start.header("Location")) + "&error=access_denied")); // failure redirect
        answers.add(new Browser(app.uri()).get("auth/callback/dev?code=c&state=s")); // no flow cookie
        answers.add(new Browser(app.uri()).get("auth/callback/nope?code=c&state=s")); // unknown provider, 404
        answers.add(new Browser(app.uri()).get("auth/callback/login?password=p")); // credentials by GET, 405
        answers.add(new Browser(app.uri()).postForm("auth/callback/login", Map.of("email", "a", "password", "b"))); // 403
        answers.add(RestAssured.given().redirects().follow(false).put(app.uri().resolve("auth/callback/dev"))); // 405
        answers.add(RestAssured.given().redirects().follow(false).accept("application/json")
                .get(app.uri().resolve("auth/callback/dev?code=c&state=s")));
        for (Response r : answers) {
            assertEquals("no-referrer", r.header("Referrer-Policy"), r.statusCode() + " " + r.header("Location"));
        }
        assertTrue(answers.stream().map(Response::statusCode).distinct().count() >= 4, "several kinds of answer");
    }

    @Test
    void otherEndpointsAreNotChanged() {
        assertEquals(null, RestAssured.get(app.uri().resolve("auth/providers")).header("Referrer-Policy"));
    }
}
