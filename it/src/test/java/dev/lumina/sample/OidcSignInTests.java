package dev.lumina.sample;

import static dev.lumina.sample.Browser.form;
import static dev.lumina.sample.Browser.jsonObject;
import static dev.lumina.sample.Browser.location;
import static dev.lumina.sample.Browser.query;
import static dev.lumina.sample.Browser.setCookies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

/** OpenID Connect sign-in through mock-oauth2-server, the session it leaves, sign-out, and bad input. */
interface OidcSignInTests extends SampleApp {

    /**
     * Signs in through the provider as a new person (the provider's answer is queued right before), with a
     * callback URL and an error URL as the library takes them: paths from the host root, context path included.
     * Returns the person's email.
     */
    private String signIn(Browser browser) {
        String id = UUID.randomUUID().toString();
        String email = "oidc-" + id + "@example.org";
        DevProvider.nextUser("sub-" + id, email, true, "Olivia OIDC");
        HttpResponse<String> done = browser.signInWithDev(browser.path("me"), browser.path("signin-failed"));
        Browser.assertRedirect(done);
        assertEquals(browser.url("me"), location(done), "an absolute Location on the application's origin");
        assertFalse(setCookies(done, "lumina.session").isEmpty(), "the callback sets lumina.session");
        return email;
    }

    @Test
    default void oidcApplicationIsUpAndAnonymousSessionIsNull() {
        Browser browser = browser();
        HttpResponse<String> ping = browser.get("ping");
        assertEquals(200, ping.statusCode(), ping.body());
        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode(), session.body());
        assertEquals("null", session.body().trim());
    }

    @Test
    default void oidcSignInLandsOnCallbackUrlWithSession() {
        Browser browser = browser();
        String email = signIn(browser);
        assertTrue(browser.cookie("lumina.session").isPresent());

        // @Inject @Current Session in an unscoped resource
        HttpResponse<String> me = browser.get("me");
        assertEquals(200, me.statusCode(), me.body());
        JsonObject json = jsonObject(me);
        assertEquals(email, json.getString("email"));
        assertEquals("dev", json.getString("provider"));
        assertEquals("Olivia OIDC", json.getString("name"));
        assertTrue(json.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                .anyMatch(r -> r.getString().equals("user")), json.toString());

        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode());
        assertEquals(email, jsonObject(session).getString("email"), session.body());
    }

    @Test
    default void oidcSignedInUserWithoutAdminRoleIsForbidden() {
        Browser browser = browser();
        signIn(browser);

        // Lumina's own @RolesAllowed check (on Payara only with WEB-INF/payara-web.xml)
        HttpResponse<String> admin = browser.get("admin");
        assertEquals(403, admin.statusCode(), admin.body());
        assertEquals("forbidden", Errors.code(admin));
    }

    @Test
    default void oidcSignOutClearsTheSession() {
        Browser browser = browser();
        signIn(browser);
        assertEquals(200, browser.get("me").statusCode());

        HttpResponse<String> out = browser.signOut(browser.path("ping"));
        Browser.assertRedirect(out);
        assertEquals(browser.url("ping"), location(out));
        assertTrue(setCookies(out, "lumina.session").stream().anyMatch(OidcSignInTests::expires),
                () -> "sign-out clears lumina.session: " + out.headers().allValues("Set-Cookie"));

        assertEquals("null", browser.get("auth/session").body().trim());
        assertEquals(401, browser.get("me").statusCode());
    }

    @Test
    default void oidcTamperedSessionCookieIsAnonymousAndCleared() {
        Browser browser = browser();
        signIn(browser);
        String token = browser.cookie("lumina.session").orElseThrow().getValue();
        int last = token.length() - 2;
        char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
        browser.setCookie("lumina.session", token.substring(0, last) + flipped + token.substring(last + 1));

        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode(), session.body());
        assertEquals("null", session.body().trim());
        assertTrue(setCookies(session, "lumina.session").stream().anyMatch(OidcSignInTests::expires),
                () -> "a bad session cookie is cleared: " + session.headers().allValues("Set-Cookie"));
        assertEquals(401, browser.get("me").statusCode());
    }

    @Test
    default void oidcCallbackWithoutFlowCookieRedirectsWithStateInvalid() {
        Browser browser = browser();
        HttpResponse<String> callback = browser.get("auth/callback/dev?code=forged&state=forged");

        Browser.assertRedirect(callback);
        assertEquals("state_invalid", query(location(callback)).get("error"), location(callback));
        assertTrue(browser.cookie("lumina.session").isEmpty());
    }

    @Test
    default void oidcSignInWithoutCsrfTokenIsRefused() {
        Browser browser = browser();
        browser.csrf();
        HttpResponse<String> start = browser.postForm("auth/signin/dev", form(
                "callbackUrl", browser.path("me"), "errorUrl", browser.path("signin-failed")));

        assertEquals("csrf_invalid", Errors.code(start), () -> start.statusCode() + " " + start.body());
        assertTrue(browser.flowCookie().isEmpty(), "no sign-in was started");
    }

    @Test
    default void oidcSignInToAnotherOriginIsRefused() {
        Browser browser = browser();
        HttpResponse<String> start = browser.postForm("auth/signin/dev", form("csrfToken", browser.csrf(),
                "callbackUrl", "https://elsewhere.example/me", "errorUrl", browser.path("signin-failed")));

        assertEquals("invalid_redirect", Errors.code(start), () -> start.statusCode() + " " + start.body());
        assertTrue(browser.flowCookie().isEmpty(), "no sign-in was started");
    }

    static boolean expires(String setCookie) {
        String h = setCookie.toLowerCase(java.util.Locale.ROOT);
        return h.contains("max-age=0") || h.contains("expires=thu, 01 jan 1970") || h.startsWith("lumina.session=;");
    }
}
