package dev.lumina.auth.oidc;

import static dev.lumina.auth.oidc.OidcSignInTest.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.SignedIn;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.flow.FlowCookies;
import dev.lumina.auth.internal.flow.FlowSeal;
import dev.lumina.auth.internal.flow.FlowState;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ManualClock;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.RecordedEvents;
import dev.lumina.auth.testing.TestAccounts;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Several sign-ins in progress in one browser (tabs), each with its own flow cookie, over HTTP. */
class ParallelSignInTest {
    static MockIdp idp;
    static LuminaServer app;
    static RecordedEvents events;

    @BeforeAll
    static void start() {
        idp = new MockIdp();
        for (int i = 0; i < 3; i++) {
            RestAssured.get(idp.issuer() + "/.well-known/openid-configuration").then().statusCode(200);
        }
        LuminaServer.Builder b = LuminaServer.builder().port(0)
                .property("lumina.auth.secret", TestSecrets.A)
                .property("lumina.auth.providers.login.type", "credentials")
                .property("lumina.auth.providers.login.fields", "username,password")
                .classes(ProbeResource.class, RecordedEvents.class, TestAccounts.class);
        for (String id : List.of("dev", "devtwo")) {
            b.property("lumina.auth.providers." + id + ".type", "oidc")
                    .property("lumina.auth.providers." + id + ".issuer", idp.issuer())
                    .property("lumina.auth.providers." + id + ".client-id", "lumina-rp")
                    .property("lumina.auth.providers." + id + ".client-secret", "rp-secret");
        }
        app = b.start();
        events = app.beans().select(RecordedEvents.class).get();
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.close();
    }

    @BeforeEach
    void clean() {
        events.clear();
        idp.drain();
    }

    /** A sign-in started in one tab, the provider's answer not yet followed. */
    record Tab(String state, String back) {
    }

    private Tab start(Browser b, String provider, String callbackUrl) {
        Response r = b.startSignIn(provider, callbackUrl, "/oops");
        assertEquals(303, r.statusCode(), r.asString());
        String authorize = r.header("Location");
        return new Tab(query(authorize).get("state"), b.authorize(authorize));
    }

    private Response finish(Browser b, Tab tab) {
        return b.get(tab.back().substring(app.uri().toString().length()));
    }

    private static List<String> setCookies(Response r) {
        return r.getHeaders().getList("Set-Cookie").stream().map(Header::getValue).toList();
    }

    @Test
    void twoInterleavedSignInsOfOneBrowserBothComplete() {
        Browser b = new Browser(app.uri());
        Tab first = start(b, "dev", "/first");
        Tab second = start(b, "devtwo", "/second");
        assertEquals(2, b.flowCookieNames().size(), b.cookies().keySet().toString());

        Response one = finish(b, first);
        assertEquals(app.uri() + "first", one.header("Location"), "the first tab completes after the second started");
        assertEquals(List.of(CookieNames.flow(second.state(), false)), b.flowCookieNames(), "only its own cookie cleared");
        assertTrue(setCookies(one).stream().filter(c -> c.startsWith("lumina.flow.")).allMatch(
                c -> c.startsWith(CookieNames.flow(first.state(), false) + "=;")), setCookies(one).toString());

        Response two = finish(b, second);
        assertEquals(app.uri() + "second", two.header("Location"));
        assertEquals(List.of(), b.flowCookieNames());
        assertEquals(List.of("dev", "devtwo"), events.of(SignedIn.class).stream().map(SignedIn::provider).toList());
        b.get("probe/whoami").then().statusCode(200);
    }

    @Test
    void theSameProviderInTwoTabsAndTheSecondFinishedFirst() {
        Browser b = new Browser(app.uri());
        Tab first = start(b, "dev", "/first");
        Tab second = start(b, "dev", "/second");
        assertEquals(app.uri() + "second", finish(b, second).header("Location"));
        assertEquals(app.uri() + "first", finish(b, first).header("Location"));
        assertEquals(2, events.of(SignedIn.class).size());
    }

    @Test
    void aFourthSignInDropsTheOldestFlow() {
        // three flows of this browser, started a second apart (sealed with this application's key)
        ManualClock clock = new ManualClock(Instant.now().minusSeconds(10));
        FlowSeal seal = new FlowSeal(new JoseTokens(KeyRing.of(AuthConfig.builder().secrets(TestSecrets.A).build().secrets()),
                Duration.ofSeconds(60), clock), Duration.ofMinutes(10), clock);
        Browser b = new Browser(app.uri());
        List<String> names = new ArrayList<>();
        for (String state : List.of("oldest-flow-state", "middle-flow-state", "newest-flow-state")) {
            String name = CookieNames.flow(state, false);
            b.cookie(name, seal.seal(new FlowState("dev", state, "v".repeat(43), "n", "/x", "/oops",
                    URI.create(app.uri() + "auth/callback/dev"))));
            names.add(name);
            clock.advance(Duration.ofSeconds(1));
        }
        Tab fourth = start(b, "dev", "/fourth");
        assertEquals(FlowCookies.MAX_FLOWS, b.flowCookieNames().size(), b.flowCookieNames().toString());
        assertTrue(!b.flowCookieNames().contains(names.get(0)), "the oldest dropped");
        assertTrue(b.flowCookieNames().containsAll(names.subList(1, 3)), "the others kept");
        // the dropped flow's return fails; the new one completes
        Response dropped = b.get("auth/callback/dev?code=c&state=oldest-flow-state");
        assertTrue(dropped.header("Location").contains("error=state_invalid"), dropped.header("Location"));
        assertEquals(app.uri() + "fourth", finish(b, fourth).header("Location"));
    }

    @Test
    void atMostThreeFlowsWhateverTheNumberOfStartsAndEveryKeptOneCompletes() {
        Browser b = new Browser(app.uri());
        List<Tab> tabs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tabs.add(start(b, "dev", "/tab" + i));
            assertTrue(b.flowCookieNames().size() <= FlowCookies.MAX_FLOWS, b.flowCookieNames().toString());
        }
        int completed = 0;
        for (int i = 0; i < tabs.size(); i++) {
            Response r = finish(b, tabs.get(i));
            if ((app.uri() + "tab" + i).equals(r.header("Location"))) {
                completed++;
            } else {
                assertTrue(r.header("Location").contains("error=state_invalid"), r.header("Location"));
            }
        }
        assertEquals(FlowCookies.MAX_FLOWS, completed);
    }

    @Test
    void aCallbackWithAnotherFlowsStateOrCookieFailsStateInvalid() {
        Browser b = new Browser(app.uri());
        Tab dev = start(b, "dev", "/dev");
        Tab other = start(b, "devtwo", "/other");
        idp.drain();
        // dev's callback carrying the other flow's state: that flow belongs to devtwo
        String code = query(dev.back()).get("code");
        Response crossed = b.get("auth/callback/dev?code=" + code + "&state=" + other.state());
        assertTrue(crossed.header("Location").contains("error=state_invalid"), crossed.header("Location"));
        // dev's cookie under the other flow's name: the sealed state is not the one returned
        Browser moved = new Browser(app.uri()).cookie(CookieNames.flow(other.state(), false), b.cookie(CookieNames.flow(dev.state(), false)));
        Response swapped = moved.get("auth/callback/devtwo?code=" + code + "&state=" + other.state());
        assertTrue(swapped.header("Location").contains("error=state_invalid"), swapped.header("Location"));
        assertNull(idp.next("/token"), "no code was exchanged");
        // and both real flows still complete
        assertEquals(app.uri() + "dev", finish(b, dev).header("Location"));
        assertEquals(app.uri() + "other", finish(b, other).header("Location"));
    }

    @Test
    void flowCookieNamesComeFromAHashNeverFromTheStateSent() {
        Browser b = new Browser(app.uri());
        start(b, "dev", "/x");
        for (String state : List.of("a%3Bb%3Dc", "%0D%0ASet-Cookie:%20evil=1", "lumina.session", "%22%3B%20Path=/x", "..%2F..")) {
            Response r = b.get("auth/callback/dev?code=c&state=" + state);
            assertTrue(r.header("Location").contains("error=state_invalid"), state);
            for (String c : setCookies(r)) {
                String name = c.substring(0, c.indexOf('='));
                assertTrue(name.matches("lumina\\.flow\\.[0-9a-f]{16}"), "a derived name: " + c);
                assertTrue(c.endsWith("; Path=/; HttpOnly; SameSite=Lax"), c);
            }
        }
        assertEquals(1, b.flowCookieNames().size(), "the real flow is untouched");
    }

    @Test
    void aCredentialsSignInLeavesTheFlowsInProgressAlone() {
        Browser b = new Browser(app.uri());
        Tab tab = start(b, "dev", "/oauth");
        Response creds = b.postForm("auth/callback/login", Map.of("csrfToken", b.csrfToken(), "callbackUrl", "/creds",
                "username", TestAccounts.USER, "password", TestAccounts.PASSWORD));
        assertEquals(303, creds.statusCode(), creds.asString());
        assertTrue(setCookies(creds).stream().noneMatch(c -> c.startsWith("lumina.flow")), setCookies(creds).toString());
        assertNotNull(b.flowCookie());
        assertEquals(app.uri() + "oauth", finish(b, tab).header("Location"));
    }
}
