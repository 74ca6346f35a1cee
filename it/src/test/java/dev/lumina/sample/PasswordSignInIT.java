package dev.lumina.sample;

import static dev.lumina.sample.Browser.jsonObject;
import static dev.lumina.sample.Browser.location;
import static dev.lumina.sample.Browser.query;
import static dev.lumina.sample.Browser.setCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credentials sign-in checked by the sample's {@code CredentialsSubmitted} observer, and role checks. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PasswordSignInIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.sample();
    }

    @ArquillianResource
    URL url;

    Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(SampleDeployment.base(url));
    }

    @Test
    void adminSignsInWithPasswordAndReachesAdminResource() {
        HttpResponse<String> done = browser.signInWithPassword("alice@example.com", "alice-password",
                "/me", "/signin-failed");

        Browser.assertRedirect(done);
        assertEquals(browser.path("me"), location(done).replaceFirst("^https?://[^/]+", ""));
        assertTrue(browser.cookie("lumina.session").isPresent());

        HttpResponse<String> me = browser.get("me");
        assertEquals(200, me.statusCode(), me.body());
        assertEquals("alice@example.com", jsonObject(me).getString("email"));
        assertEquals("credentials", jsonObject(me).getString("provider"));

        HttpResponse<String> admin = browser.get("admin");
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("true"), admin.body());
        assertTrue(admin.body().contains("alice@example.com"), admin.body());
    }

    @Test
    void wrongPasswordLandsOnErrorUrlWithCredentialsInvalid() {
        HttpResponse<String> done = browser.signInWithPassword("alice@example.com", "not-her-password",
                "/me", "/signin-failed");

        Browser.assertRedirect(done);
        Map<String, String> q = query(location(done));
        assertTrue(location(done).replaceFirst("^https?://[^/]+", "").startsWith(browser.path("signin-failed")),
                location(done));
        assertEquals("credentials_invalid", q.get("error"), location(done));
        assertEquals("credentials", q.get("provider"), location(done));
        assertTrue(setCookies(done, "lumina.session").stream().noneMatch(h -> !OidcSignInIT.expires(h)),
                "no session is issued");
        assertEquals(401, browser.get("me").statusCode());
    }

    @Test
    void unknownUserGetsTheSameAnswerAsWrongPassword() {
        HttpResponse<String> wrong = browser.signInWithPassword("alice@example.com", "nope",
                "/me", "/signin-failed");
        HttpResponse<String> unknown = new Browser(SampleDeployment.base(url)).signInWithPassword(
                "nobody@example.com", "nope", "/me", "/signin-failed");

        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(location(wrong), location(unknown));
    }

    @Test
    void anonymousRequestsToProtectedResourcesAreUnauthorized() {
        HttpResponse<String> me = browser.get("me");
        assertEquals(401, me.statusCode(), me.body());
        assertEquals("unauthenticated", Errors.code(me));

        HttpResponse<String> admin = browser.get("admin");
        assertEquals(401, admin.statusCode(), admin.body());
    }
}
