package dev.lumina.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * OpenID Connect Back-Channel Logout on the server: the provider (mock-oauth2-server, the sample's "dev") posts a
 * logout token signed with its own key to {@code auth/backchannel-logout/dev}; Lumina revokes the sessions of that
 * provider session ({@code sid}) or, without one, of that subject. An invalid token is 400 and revokes nothing.
 * Every case of the token's validation is in the library's BackChannelLogoutTest; here, that it all works inside
 * WildFly and Payara (on Payara through Payara's JCache, where the replay check's {@code jti} is kept too).
 */
interface BackChannelLogoutTests extends SampleApp {
    String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** Signs in as that provider subject in that provider session. */
    private Browser signedIn(String sub, String sid) {
        Browser browser = browser();
        DevProvider.nextUser(sub, sub + "@example.org", true, "Bea Backchannel", sid);
        Browser.assertRedirect(browser.signInWithDev(browser.path("me"), browser.path("signin-failed")));
        assertEquals(200, browser.get("me").statusCode());
        return browser;
    }

    private static Map<String, Object> claims(String sub, String sid) {
        Map<String, Object> c = new HashMap<>();
        c.put("events", Map.of(EVENT, Map.of()));
        c.put("jti", UUID.randomUUID().toString());
        c.put("sub", sub); // null leaves it out
        if (sid != null) {
            c.put("sid", sid);
        }
        return c;
    }

    private static String token(Map<String, Object> claims) {
        return DevProvider.signed("logout+jwt", List.of(System.getProperty("it.client-id")), claims);
    }

    private HttpResponse<String> post(String logoutToken) {
        HttpResponse<String> r = browser().postForm("auth/backchannel-logout/dev", Browser.form("logout_token", logoutToken));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), () -> r.headers().map().toString());
        return r;
    }

    private static void assertSignedIn(Browser browser, String what) {
        assertEquals(200, browser.get("me").statusCode(), what);
    }

    private static void assertRefused(Browser browser, String what) {
        HttpResponse<String> session = browser.get("auth/session");
        assertEquals("null", session.body().trim(), what);
        assertEquals(401, browser.get("me").statusCode(), what);
    }

    @Test
    default void backchannelLogoutBySidEndsThatProviderSessionOnly() {
        String sub = "bc-" + UUID.randomUUID();
        Browser laptop = signedIn(sub, "sid-laptop-" + sub);
        Browser phone = signedIn(sub, "sid-phone-" + sub);
        Browser other = signedIn("bc-other-" + UUID.randomUUID(), "sid-other-" + sub);

        HttpResponse<String> r = post(token(claims(sub, "sid-laptop-" + sub)));
        assertEquals(200, r.statusCode(), r.body());

        assertRefused(laptop, "the provider session that was logged out");
        assertSignedIn(phone, "the same user's other provider session");
        assertSignedIn(other, "another user");
    }

    @Test
    default void backchannelLogoutBySubEndsEverySessionOfThatSubject() {
        String sub = "bc-" + UUID.randomUUID();
        Browser laptop = signedIn(sub, "sid-laptop-" + sub);
        Browser phone = signedIn(sub, null);
        Browser other = signedIn("bc-other-" + UUID.randomUUID(), null);

        HttpResponse<String> r = post(token(claims(sub, null)));
        assertEquals(200, r.statusCode(), r.body());

        assertRefused(laptop, "a session of the subject");
        assertRefused(phone, "another session of the subject, without a provider session id");
        assertSignedIn(other, "another user");
    }

    @Test
    default void backchannelInvalidLogoutTokenIsRefusedAndRevokesNothing() {
        String sub = "bc-" + UUID.randomUUID();
        String sid = "sid-" + sub;
        Browser browser = signedIn(sub, sid);
        String valid = token(claims("bc-nobody-" + UUID.randomUUID(), "sid-nobody-" + sub));
        assertEquals(200, post(valid).statusCode(), "a valid token for nobody signed in");

        Map<String, String> invalid = new java.util.LinkedHashMap<>();
        invalid.put("a replayed jti", valid);
        invalid.put("another audience", DevProvider.signed("logout+jwt", List.of("another-client"), claims(sub, sid)));
        invalid.put("a nonce", token(with(sub, sid, c -> c.put("nonce", "n-1"))));
        invalid.put("no events", token(with(sub, sid, c -> c.remove("events"))));
        invalid.put("another event", token(with(sub, sid, c -> c.put("events", Map.of("http://schemas.openid.net/event/other", Map.of())))));
        invalid.put("neither sid nor sub", token(with(null, null, c -> { })));
        invalid.put("an old iat", token(with(sub, sid, c -> c.put("iat", System.currentTimeMillis() / 1000 - 3600))));
        invalid.put("typ JWT (an ID token)", DevProvider.signed("JWT", List.of(System.getProperty("it.client-id")), claims(sub, sid)));
        String good = token(claims(sub, sid));
        invalid.put("a changed signature", good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA"));
        invalid.put("not a JWT", "not-a-jwt");
        invalid.put("empty", "");

        invalid.forEach((what, logoutToken) -> {
            HttpResponse<String> r = post(logoutToken);
            assertEquals(400, r.statusCode(), () -> what + ": " + r.body());
            assertSignedIn(browser, what + " revokes nothing");
        });
        HttpResponse<String> unknown = browser().postForm("auth/backchannel-logout/no-such-provider",
                Browser.form("logout_token", good));
        assertEquals(true, unknown.statusCode() == 400 || unknown.statusCode() == 404, () -> "unknown provider: " + unknown.statusCode());
        assertSignedIn(browser, "a token posted for another provider id revokes nothing");
    }

    private static Map<String, Object> with(String sub, String sid, Consumer<Map<String, Object>> change) {
        Map<String, Object> c = claims(sub, sid);
        change.accept(c);
        return c;
    }
}
