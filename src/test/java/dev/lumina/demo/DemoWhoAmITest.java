package dev.lumina.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.MockLoginForm;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /demo/whoami}, answered by an {@code @ApplicationScoped} service that injects
 * {@code @Current Session} ({@link DemoUsers}). Each test starts a demo of its own: the service is created by
 * the first request that uses it, and what it holds must not depend on which request that was.
 *
 * <p>{@link #twoUsersCallingInTurnEachSeeTheirOwnSubject} fails while {@code @Current Session} is produced
 * {@code @Dependent}: the application-scoped service then keeps the session of the request that created it,
 * and the second user is told the first one's subject. It passes once {@code @Current Session} is a
 * request-scoped proxy.
 */
class DemoWhoAmITest {
    Demo demo;

    @BeforeEach
    void start() {
        demo = Demo.start(0);
    }

    @AfterEach
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private Browser signedIn(String user) {
        Browser browser = new Browser(demo.app().uri());
        Response callback = MockLoginForm.signIn(browser, "dev", user, null);
        assertEquals(303, callback.statusCode(), callback.asString());
        return browser;
    }

    @Test
    void signedOutIsA401WithLuminasErrorBody() {
        Response r = new Browser(demo.app().uri()).get("demo/whoami");
        assertEquals(401, r.statusCode());
        assertEquals("application/json", r.contentType().split(";")[0]);
        assertEquals("unauthenticated", r.jsonPath().getString("error"));
        assertEquals(1, r.jsonPath().getMap("$").size(), r.asString());
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void signedInTellsTheSubjectAndName() {
        Response r = signedIn("alice").get("demo/whoami");
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("application/json", r.contentType().split(";")[0]);
        assertEquals("dev:alice", r.jsonPath().getString("subject"));
        assertEquals("alice", r.jsonPath().getString("name"));
    }

    @Test
    void twoUsersCallingInTurnEachSeeTheirOwnSubject() {
        Browser alice = signedIn("alice");
        Browser bob = signedIn("bob");
        Browser[] callers = {alice, bob, alice, bob};
        String[] expected = {"dev:alice", "dev:bob", "dev:alice", "dev:bob"};
        for (int i = 0; i < callers.length; i++) {
            Response r = callers[i].get("demo/whoami");
            assertEquals(200, r.statusCode(), "call " + (i + 1) + ": " + r.asString());
            JsonPath body = r.jsonPath();
            assertEquals(expected[i], body.getString("subject"), "call " + (i + 1) + " (" + expected[i]
                    + ") was told another user's subject: " + r.asString());
        }
        Response signedOut = new Browser(demo.app().uri()).get("demo/whoami");
        assertEquals(401, signedOut.statusCode(), "signed out after the others: " + signedOut.asString());
    }
}
