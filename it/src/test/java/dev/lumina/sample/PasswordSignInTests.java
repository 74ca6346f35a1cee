package dev.lumina.sample;

import static dev.lumina.sample.Browser.jsonObject;
import static dev.lumina.sample.Browser.location;
import static dev.lumina.sample.Browser.query;
import static dev.lumina.sample.Browser.setCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Credentials sign-in checked by the sample's {@code CredentialsSubmitted} observer, and role checks. */
interface PasswordSignInTests extends SampleApp {

    private static HttpResponse<String> signIn(Browser browser, String email, String password) {
        return browser.signInWithPassword(email, password, browser.path("me"), browser.path("signin-failed"));
    }

    @Test
    default void passwordAdminSignsInAndReachesAdminResource() {
        Browser browser = browser();
        HttpResponse<String> done = signIn(browser, "alice@example.com", "alice-password");

        Browser.assertRedirect(done);
        assertEquals(browser.url("me"), location(done));
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
    default void passwordWrongLandsOnErrorUrlWithCredentialsInvalid() {
        Browser browser = browser();
        HttpResponse<String> done = signIn(browser, "alice@example.com", "not-her-password");

        Browser.assertRedirect(done);
        Map<String, String> q = query(location(done));
        assertTrue(location(done).startsWith(browser.url("signin-failed?")), location(done));
        assertEquals("credentials_invalid", q.get("error"), location(done));
        assertEquals("credentials", q.get("provider"), location(done));
        assertTrue(setCookies(done, "lumina.session").stream().allMatch(OidcSignInTests::expires),
                "no session is issued");
        assertEquals(401, browser.get("me").statusCode());
    }

    @Test
    default void passwordUnknownUserGetsTheSameAnswerAsWrongPassword() {
        HttpResponse<String> wrong = signIn(browser(), "alice@example.com", "nope");
        HttpResponse<String> unknown = signIn(browser(), "nobody@example.com", "nope");

        Browser.assertRedirect(wrong);
        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(location(wrong), location(unknown));
    }

    @Test
    default void passwordSignInStartLeadsToTheSignInPageWithTheCallbackUrl() {
        Browser browser = browser();
        HttpResponse<String> start = browser.postForm("auth/signin/credentials", Browser.form(
                "csrfToken", browser.csrf(), "callbackUrl", browser.path("me")));

        // a credentials provider has nothing to start: its form is on the sign-in page
        Browser.assertRedirect(start);
        assertEquals(browser.url("auth/signin?callbackUrl=" + Browser.enc(browser.path("me"))), location(start));
        HttpResponse<String> page = browser.follow(start);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("auth/callback/credentials"), page.body());
    }

    @Test
    default void passwordAnonymousRequestsToProtectedResourcesAreUnauthorized() {
        Browser browser = browser();
        HttpResponse<String> me = browser.get("me");
        assertEquals(401, me.statusCode(), me.body());
        assertEquals("unauthenticated", Errors.code(me));

        // @RolesAllowed: Lumina's JSON answer, not the server's own login challenge
        HttpResponse<String> admin = browser.get("admin");
        assertEquals(401, admin.statusCode(), admin.body());
        assertEquals("unauthenticated", Errors.code(admin));
    }
}
