package dev.lumina.auth.basepath;

import static dev.lumina.auth.testing.Browserless.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lumina.auth.base-path} moves every endpoint, page, link, the client script and the OAuth
 * {@code redirect_uri}; the default {@code /auth} and the internal root are then not served.
 */
class BasePathTest {
    static LuminaServer server;

    @BeforeAll
    static void start() {
        server = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.base-path", "/api/login")
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.fields", "username,password")
                // all endpoints given: no discovery, so a sign-in can start without a provider running
                .property("lumina.auth.providers.corp.type", "oidc")
                .property("lumina.auth.providers.corp.issuer", "https://login.corp.example")
                .property("lumina.auth.providers.corp.client-id", "rp")
                .property("lumina.auth.providers.corp.authorization-endpoint", "https://login.corp.example/authorize")
                .property("lumina.auth.providers.corp.token-endpoint", "https://login.corp.example/token")
                .property("lumina.auth.providers.corp.jwks-uri", "https://login.corp.example/jwks")
                .classes(TestAccounts.class, ProbeResource.class)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyEndpointAnswersUnderTheBasePath() {
        at(server).get("api/login/session").then().statusCode(200);
        at(server).get("api/login/csrf").then().statusCode(200);
        at(server).get("api/login/providers").then().statusCode(200);
        at(server).get("api/login/signin").then().statusCode(200);
        at(server).get("api/login/error?error=state_invalid").then().statusCode(200);
        assertTrue(at(server).get("api/login/client.js").then().statusCode(200).extract().contentType().startsWith("text/javascript"));
    }

    @Test
    void s98_callbackResponsesUnderTheBasePathCarryNoReferrerPolicy() {
        for (String path : java.util.List.of("api/login/callback/corp?code=c&state=s", "api/login/callback/login",
                "api/login/callback/nope?code=c")) {
            at(server).get(path).then().header("Referrer-Policy", "no-referrer");
        }
        at(server).get("api/login/session").then().header("Referrer-Policy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theDefaultPathAndTheInternalRootAreNotServed() {
        for (String path : new String[] {"auth/session", "auth/csrf", "auth/client.js", "_lumina-auth/session",
                "_lumina-auth/csrf", "_lumina-auth", "api/loginx/session", "api/session"}) {
            assertEquals(404, at(server).get(path).statusCode(), path);
        }
        assertEquals(404, at(server).post("_lumina-auth/signout").statusCode());
    }

    @Test
    void linksPagesAndTheRedirectUriFollowTheBasePath() {
        Response providers = at(server).get("api/login/providers");
        assertEquals("/api/login/signin/corp", providers.jsonPath().getString("find { it.id == 'corp' }.signinUrl"));
        String page = at(server).get("api/login/signin?callbackUrl=/probe/me").asString();
        assertTrue(page.contains("action=\"/api/login/signin/corp\""), page);
        assertTrue(page.contains("action=\"/api/login/callback/login\""), page);
        assertTrue(page.contains("value=\"/probe/me\""), "the query survives the mapping: " + page);

        Response csrf = at(server).get("api/login/csrf");
        Response start = at(server).cookie("lumina.csrf", csrf.getCookie("lumina.csrf"))
                .formParam("csrfToken", csrf.jsonPath().getString("csrfToken"))
                .post("api/login/signin/corp");
        assertEquals(303, start.statusCode(), start.asString());
        String location = URLDecoder.decode(start.getHeader("Location"), StandardCharsets.UTF_8);
        assertTrue(location.startsWith("https://login.corp.example/authorize?"), location);
        assertTrue(location.contains("redirect_uri=" + server.uri() + "api/login/callback/corp"), location);
    }

    @Test
    void signInFailuresAndProtectedResourcesLeadToPagesUnderTheBasePath() {
        Response refused = at(server).formParam("username", "x").header("Accept", "text/html")
                .post("api/login/callback/nobody");
        assertEquals(404, refused.statusCode());
        Response protectedPage = at(server).header("Accept", "text/html,*/*;q=0.8").get("probe/me");
        assertEquals(303, protectedPage.statusCode());
        URI location = URI.create(protectedPage.getHeader("Location"));
        assertEquals("/api/login/signin", location.getPath());
        assertEquals("callbackUrl=/probe/me", URLDecoder.decode(location.getRawQuery(), StandardCharsets.UTF_8));

        Response csrf = at(server).get("api/login/csrf");
        Response wrong = at(server).cookie("lumina.csrf", csrf.getCookie("lumina.csrf"))
                .formParam("csrfToken", csrf.jsonPath().getString("csrfToken"))
                .formParam("username", TestAccounts.USER).formParam("password", "wrong")
                .post("api/login/callback/login");
        assertEquals(303, wrong.statusCode());
        assertTrue(URI.create(wrong.getHeader("Location")).getPath().equals("/api/login/error"), wrong.getHeader("Location"));
    }
}
