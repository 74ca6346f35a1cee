package dev.lumina.sample;

import static dev.lumina.sample.Browser.jsonObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Ending sessions before they expire, through the sample's {@link RevocationResource} (Lumina's
 * {@code Revocations} from an application bean) and sign-out: the old cookie is refused (anonymous, cleared),
 * a new sign-in works. On WildFly the revocations live in the server's memory; on Payara in Payara's own
 * JCache (Hazelcast), which {@link #revocationStoreIsTheServersOwn} proves.
 */
interface RevocationTests extends SampleApp {

    /** Signs in through the provider as that provider subject; returns the application's subject. */
    private String signInAs(Browser browser, String providerSubject) {
        DevProvider.nextUser(providerSubject, providerSubject + "@example.org", true, "Rita Revoked");
        HttpResponse<String> done = browser.signInWithDev(browser.path("me"), browser.path("signin-failed"));
        Browser.assertRedirect(done);
        assertEquals(browser.url("me"), Browser.location(done), done.body());
        HttpResponse<String> me = browser.get("me");
        assertEquals(200, me.statusCode(), me.body());
        return jsonObject(me).getString("subject");
    }

    /** The session is refused: anonymous, its cookie cleared, the protected page 401. */
    private static void assertRefused(Browser browser, String what) {
        HttpResponse<String> session = browser.get("auth/session");
        assertEquals(200, session.statusCode(), session.body());
        assertEquals("null", session.body().trim(), what + ": the request goes on anonymous");
        assertTrue(Browser.setCookies(session, "lumina.session").stream().anyMatch(OidcSignInTests::expires),
                () -> what + ": the cookie is cleared: " + session.headers().allValues("Set-Cookie"));
        assertEquals(401, browser.get("me").statusCode(), what);
    }

    private static String sessionCookie(Browser browser) {
        return browser.cookie("lumina.session").orElseThrow(() -> new AssertionError("no lumina.session")).getValue();
    }

    @Test
    default void revocationSignOutEverywhereRefusesEverySessionAndANewSignInWorks() {
        String person = "rev-" + UUID.randomUUID();
        Browser laptop = browser();
        Browser phone = browser();
        String subject = signInAs(laptop, person);
        assertEquals(subject, signInAs(phone, person), "the same user on two devices");
        Browser copy = browser();
        copy.putCookie("lumina.session", sessionCookie(phone));
        assertEquals(200, copy.get("me").statusCode(), "a copy of the phone's cookie works before");

        HttpResponse<String> everywhere = laptop.postForm("revocations/everywhere", Browser.form());
        assertEquals(204, everywhere.statusCode(), everywhere.body());
        long revokedIn = Instant.now().getEpochSecond();

        assertRefused(phone, "the other device");
        assertRefused(copy, "a copied cookie");
        assertRefused(laptop, "the device that signed out everywhere");

        // sign-in times are whole seconds and a sign-in in the second of the revocation counts as revoked (safe
        // side, see SessionRevocations): the new sign-in comes in a later second. A wait, not a timing assertion.
        waitForSecondAfter(revokedIn);
        Browser again = browser();
        assertEquals(subject, signInAs(again, person), "a new sign-in works, the user is the same");
        assertEquals(200, again.get("me").statusCode());
    }

    @Test
    default void revocationOfOneSessionLeavesTheUsersOtherSessions() {
        String person = "rev-" + UUID.randomUUID();
        Browser laptop = browser();
        Browser phone = browser();
        signInAs(laptop, person);
        signInAs(phone, person);
        Browser copy = browser();
        copy.putCookie("lumina.session", sessionCookie(laptop));

        HttpResponse<String> one = laptop.postForm("revocations/session", Browser.form());
        assertEquals(204, one.statusCode(), one.body());

        assertRefused(laptop, "the revoked session");
        assertRefused(copy, "a copy of the revoked session's cookie");
        assertEquals(200, phone.get("me").statusCode(), "the user's other session goes on");
    }

    @Test
    default void revocationSignOutMakesACopiedCookieStopWorking() {
        Browser browser = browser();
        signInAs(browser, "rev-" + UUID.randomUUID());
        Browser copy = browser();
        copy.putCookie("lumina.session", sessionCookie(browser));
        assertEquals(200, copy.get("me").statusCode(), "the copy works while the session lives");

        Browser.assertRedirect(browser.signOut(browser.path("ping")));

        assertRefused(copy, "a copy of a signed-out session's cookie");
    }

    @Test
    default void revocationEndpointsNeedASession() {
        Browser anonymous = browser();
        assertEquals(401, anonymous.postForm("revocations/everywhere", Browser.form()).statusCode());
        assertEquals(401, anonymous.postForm("revocations/session", Browser.form()).statusCode());
    }

    /**
     * WildFly: no JCache for the deployment, the default in-memory store. Payara: Lumina's revocations are in
     * Payara's own Hazelcast member (the provider the WAR gets is Hazelcast's, its member is the one Payara binds
     * in JNDI, no second member), and a "sign out everywhere" lands in the cache.
     */
    @Test
    default void revocationStoreIsTheServersOwn() {
        Browser browser = browser();
        String subject = signInAs(browser, "rev-" + UUID.randomUUID());
        if (!"payara".equals(SampleDeployment.server())) {
            assertFalse(jsonObject(browser.get("revocations/store")).getBoolean("jcache"), "WildFly: no JCache");
            return;
        }
        JsonObject before = jsonObject(browser.get("revocations/store?subject=" + Browser.enc(subject)));
        assertTrue(before.getBoolean("jcache"), before.toString());
        assertTrue(before.getString("provider").startsWith("com.hazelcast.cache."), before.toString());
        assertFalse(before.getString("member").isEmpty(), before.toString());
        assertEquals(before.getString("payaraMember"), before.getString("member"),
                "Lumina's cache lives in Payara's own Hazelcast member: " + before);
        assertFalse(before.getBoolean("cache") && before.getBoolean("hasSubject"), before.toString());

        assertEquals(204, browser.postForm("revocations/everywhere", Browser.form()).statusCode());

        JsonObject after = jsonObject(browser.get("revocations/store?subject=" + Browser.enc(subject)));
        assertTrue(after.getBoolean("cache"), after.toString());
        assertTrue(after.getBoolean("hasSubject"), "the revocation is in Payara's JCache: " + after);
    }

    private static void waitForSecondAfter(long second) {
        while (Instant.now().getEpochSecond() <= second) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
