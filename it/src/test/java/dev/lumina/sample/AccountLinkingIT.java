package dev.lumina.sample;

import static dev.lumina.sample.Browser.jsonObject;
import static dev.lumina.sample.Browser.location;
import static dev.lumina.sample.Browser.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The account rules of the sample's {@code ProfileReceived} observer, kept in the server's default
 * datasource: identity is provider + subject, an email links accounts only when the provider verified it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountLinkingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleDeployment.sample();
    }

    @ArquillianResource
    URL url;

    @Test
    void newUserGetsOneAccountForTheProvider() {
        String sub = "new-" + UUID.randomUUID();
        JsonObject user = signInWithDev(sub, sub + "@example.org", true, "Nina New");

        assertEquals(sub + "@example.org", user.getString("email"));
        assertEquals(List.of("dev:" + sub), accounts(user));
    }

    @Test
    void returningUserKeepsTheSameIdAndGetsProfileFieldsRefreshed() {
        String sub = "back-" + UUID.randomUUID();
        JsonObject first = signInWithDev(sub, sub + "@example.org", true, "Rita Returning");
        JsonObject second = signInWithDev(sub, sub + "@example.org", true, "Rita R. Renamed");

        assertEquals(first.getString("id"), second.getString("id"), "same provider + subject, same user");
        assertEquals("Rita R. Renamed", second.getString("name"));
        assertEquals(List.of("dev:" + sub), accounts(second));
    }

    @Test
    void emailChangedAtTheProviderIsUpdated() {
        String sub = "moved-" + UUID.randomUUID();
        JsonObject before = signInWithDev(sub, "old-" + sub + "@example.org", true, "Mo Moved");
        JsonObject after = signInWithDev(sub, "new-" + sub + "@example.org", true, "Mo Moved");

        assertEquals(before.getString("id"), after.getString("id"));
        assertEquals("new-" + sub + "@example.org", after.getString("email"));
    }

    @Test
    void sameEmailAtAnotherSubjectIsNotTheSameUserWithoutVerification() {
        String email = "twice-" + UUID.randomUUID() + "@example.org";
        JsonObject first = signInWithDev("a-" + UUID.randomUUID(), email, true, "First");
        Browser other = browser();
        DevProvider.nextUser("b-" + UUID.randomUUID(), email, false, "Impostor");
        HttpResponse<String> done = other.signInWithDev("/me", "/signin-failed");

        assertEquals("access_denied", query(location(done)).get("error"), location(done));
        assertNotEquals(null, first.getString("id"));
    }

    @Test
    void knownEmailVerifiedByNewProviderIsLinkedToTheUser() {
        String carol = userIdOfPasswordUser("carol@example.com", "carol-password");

        JsonObject linked = signInWithDev("carol-" + UUID.randomUUID(), "Carol@Example.com", true, "Carol at Dev");

        assertEquals(carol, linked.getString("id"), "a verified email links the new provider to the existing user");
        List<String> accounts = accounts(linked);
        assertEquals(2, accounts.size(), accounts.toString());
        assertTrue(accounts.stream().anyMatch(a -> a.startsWith("credentials:")), accounts.toString());
        assertTrue(accounts.stream().anyMatch(a -> a.startsWith("dev:carol-")), accounts.toString());
    }

    @Test
    void knownEmailNotVerifiedByNewProviderIsRefusedWithReason() {
        Browser browser = browser();
        DevProvider.nextUser("dave-" + UUID.randomUUID(), "dave@example.com", false, "Not Dave");

        HttpResponse<String> done = browser.signInWithDev("/me", "/signin-failed");

        Browser.assertRedirect(done);
        Map<String, String> q = query(location(done));
        assertTrue(location(done).replaceFirst("^https?://[^/]+", "").startsWith(browser.path("signin-failed")),
                location(done));
        assertEquals("access_denied", q.get("error"), location(done));
        assertEquals(UserDirectory.EMAIL_NOT_VERIFIED, q.get("reason"), location(done));
        assertEquals("dev", q.get("provider"), location(done));
        assertTrue(browser.cookie("lumina.session").isEmpty(), "no session for a refused sign-in");

        // dave's own account is untouched
        String dave = userIdOfPasswordUser("dave@example.com", "dave-password");
        Browser daveBrowser = browser();
        daveBrowser.signInWithPassword("dave@example.com", "dave-password", "/me", "/x");
        JsonObject accounts = jsonObject(daveBrowser.get("me/accounts"));
        assertEquals(dave, accounts.getString("id"));
        assertEquals(1, accounts.getJsonArray("accounts").size(), accounts.toString());
    }

    private Browser browser() {
        return new Browser(SampleDeployment.base(url));
    }

    /** Signs in through the provider as this person and returns {@code GET me/accounts}. */
    private JsonObject signInWithDev(String subject, String email, boolean verified, String name) {
        Browser browser = browser();
        DevProvider.nextUser(subject, email, verified, name);
        HttpResponse<String> done = browser.signInWithDev("/me", "/signin-failed");
        Browser.assertRedirect(done);
        assertEquals(browser.path("me"), location(done).replaceFirst("^https?://[^/]+", ""), location(done));
        HttpResponse<String> accounts = browser.get("me/accounts");
        assertEquals(200, accounts.statusCode(), accounts.body());
        return jsonObject(accounts);
    }

    private String userIdOfPasswordUser(String email, String password) {
        Browser browser = browser();
        HttpResponse<String> done = browser.signInWithPassword(email, password, "/me", "/x");
        Browser.assertRedirect(done);
        HttpResponse<String> me = browser.get("me");
        assertEquals(200, me.statusCode(), me.body());
        return jsonObject(me).getString("subject");
    }

    private static List<String> accounts(JsonObject user) {
        return user.getJsonArray("accounts").stream()
                .map(v -> v.asJsonObject().getString("provider") + ":" + v.asJsonObject().getString("subject"))
                .sorted()
                .toList();
    }
}
