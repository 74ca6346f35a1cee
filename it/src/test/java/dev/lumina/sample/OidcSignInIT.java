package dev.lumina.sample;

import static dev.lumina.sample.Browser.form;
import static dev.lumina.sample.Browser.jsonObject;
import static dev.lumina.sample.Browser.location;
import static dev.lumina.sample.Browser.query;
import static dev.lumina.sample.Browser.setCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OpenID Connect sign-in through mock-oauth2-server, the session it leaves, sign-out, and bad input. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OidcSignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.sample();
    }

    @ArquillianResource
    URL url;

    Browser browser;
    String email;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(SampleDeployment.base(url));
    }

    /** Signs in through the provider as a new person (the provider's answer is queued right before). */
    private HttpResponse<String> signIn() {
        String id = UUID.randomUUID().toString();
        email = "oidc-" + id + "@example.org";
        DevProvider.nextUser("sub-" + id, email, true, "Olivia OIDC");
        return browser.signInWithDev("/me", "/signin-failed");
    }

    @Test
    void applicationIsUpAndAnonymousSessionIsNull() {
        HttpResponse<String> ping = browser.get("ping");
        assertEquals(200, ping.statusCode(), ping.body());
        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode(), session.body());
        assertEquals("null", session.body().trim());
    }

    @Test
    void oidcSignInLandsOnCallbackUrlWithSession() {
        HttpResponse<String> done = signIn();

        Browser.assertRedirect(done);
        assertEquals(browser.path("me"), location(done).replaceFirst("^https?://[^/]+", ""));
        assertFalse(setCookies(done, "lumina.session").isEmpty(), "the callback sets lumina.session");
        assertTrue(browser.cookie("lumina.session").isPresent());

        HttpResponse<String> me = browser.get("me");
        assertEquals(200, me.statusCode(), me.body());
        JsonObject json = jsonObject(me);
        assertEquals(email, json.getString("email"));
        assertEquals("dev", json.getString("provider"));
        assertEquals("Olivia OIDC", json.getString("name"));
        assertTrue(json.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(r -> r.getString().equals("user")), json.toString());

        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode());
        assertEquals(email, jsonObject(session).getString("email"), session.body());
    }

    @Test
    void signedInUserWithoutAdminRoleIsForbidden() {
        signIn();

        HttpResponse<String> admin = browser.get("admin");
        assertEquals(403, admin.statusCode(), admin.body());
    }

    @Test
    void signOutClearsTheSession() {
        signIn();
        assertEquals(200, browser.get("me").statusCode());

        HttpResponse<String> out = browser.signOut();
        assertTrue(out.statusCode() < 400, () -> "sign-out: " + out.statusCode() + " " + out.body());
        assertTrue(setCookies(out, "lumina.session").stream().anyMatch(OidcSignInIT::expires),
                () -> "sign-out clears lumina.session: " + out.headers().allValues("Set-Cookie"));

        assertEquals("null", browser.get("auth/session").body().trim());
        assertEquals(401, browser.get("me").statusCode());
    }

    @Test
    void tamperedSessionCookieIsAnonymousAndCleared() {
        signIn();
        String token = browser.cookie("lumina.session").orElseThrow().getValue();
        int last = token.length() - 2;
        char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
        browser.setCookie("lumina.session", token.substring(0, last) + flipped + token.substring(last + 1));

        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode(), session.body());
        assertEquals("null", session.body().trim());
        assertTrue(setCookies(session, "lumina.session").stream().anyMatch(OidcSignInIT::expires),
                () -> "a bad session cookie is cleared: " + session.headers().allValues("Set-Cookie"));
        assertEquals(401, browser.get("me").statusCode());
    }

    @Test
    void callbackWithoutFlowCookieRedirectsWithStateInvalid() {
        HttpResponse<String> callback = browser.get("auth/callback/dev?code=forged&state=forged");

        Browser.assertRedirect(callback);
        assertEquals("state_invalid", query(location(callback)).get("error"), location(callback));
        assertTrue(browser.cookie("lumina.session").isEmpty());
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        browser.csrf();
        HttpResponse<String> start = browser.postForm("auth/signin/dev", form(
                "callbackUrl", "/me", "errorUrl", "/signin-failed"));

        assertEquals("csrf_invalid", Errors.code(start), () -> start.statusCode() + " " + start.body());
        assertTrue(browser.cookie("lumina.flow").isEmpty(), "no sign-in was started");
    }

    static boolean expires(String setCookie) {
        String h = setCookie.toLowerCase(java.util.Locale.ROOT);
        return h.contains("max-age=0") || h.contains("expires=thu, 01 jan 1970") || h.startsWith("lumina.session=;");
    }
}
