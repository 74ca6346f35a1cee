package dev.lumina.auth.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.enterprise.context.ContextNotActiveException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Inject @Current Session} is right in a bean of any scope: an application-scoped service and a
 * JAX-RS provider that exist once see, request after request, the user of the request they serve.
 */
class CurrentSessionScopeTest {
    static LuminaServer server;
    static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);
    static final String ALICE = MINTER.token("alice");
    static final String BOB = MINTER.token("bob");

    @BeforeAll
    static void start() {
        server = LuminaServer.builder().port(0).property("lumina.auth.secret", TestSecrets.A)
                .classes(SessionReader.class, SessionReaderResource.class, SubjectHeaderFilter.class).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Response get(String path, String cookie) {
        var r = RestAssured.given().baseUri(server.uri().toString());
        if (cookie != null) {
            r.cookie("lumina.session", cookie);
        }
        return r.get(path);
    }

    @Test
    void anApplicationScopedServiceSeesTheUserOfEachRequestInTurn() {
        String[] cookies = {ALICE, BOB, null, ALICE, BOB, BOB, ALICE, null};
        String[] expected = {"alice", "bob", "anonymous", "alice", "bob", "bob", "alice", "anonymous"};
        for (int i = 0; i < cookies.length; i++) {
            Response r = get("reader", cookies[i]);
            assertEquals(expected[i], r.asString(), "request " + i + ": the service's answer");
            assertEquals(expected[i], r.getHeader("X-Subject"), "request " + i + ": the singleton provider's answer");
        }
    }

    @Test
    void aSnapshotIsTheImmutableValueNotTheProxy() {
        assertEquals("SessionValue|alice", get("reader/snapshot", ALICE).asString());
        assertEquals("SessionValue|bob", get("reader/snapshot", BOB).asString());
    }

    @Test
    void outsideARequestTheSessionIsAClearError() {
        SessionReader reader = server.beans().select(SessionReader.class).get();
        assertThrows(ContextNotActiveException.class, reader::who);
    }
}
