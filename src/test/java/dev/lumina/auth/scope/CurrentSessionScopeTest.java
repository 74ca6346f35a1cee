package dev.lumina.auth.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.internal.jaxrs.CurrentRequests;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void theEmbeddedRuntimeFindsTheRequestBeingServedWithoutTheFiltersHelp() {
        // else the filter makes the request-scoped bean on every signed-in request, asked for or not
        assertTrue(server.beans().select(CurrentRequests.class).get().canTell());
    }

    @Test
    void concurrentRequestsEachSeeTheirOwnUser() throws Exception {
        String[] cookies = {ALICE, BOB, null};
        String[] expected = {"alice", "bob", "anonymous"};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 180; i++) {
                int who = (i * 7 + i / 3) % 3;
                answers.add(pool.submit(() -> {
                    Response r = get("reader", cookies[who]);
                    return expected[who] + "=" + r.asString() + "/" + r.getHeader("X-Subject");
                }));
            }
            for (Future<String> answer : answers) {
                String[] parts = answer.get().split("[=/]");
                assertEquals(parts[0], parts[1], "the service's answer");
                assertEquals(parts[0], parts[2], "the singleton provider's answer");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestContextOfOtherWorkIsAnonymousAfterSignedInRequests() {
        assertEquals("alice", get("reader", ALICE).asString());
        assertEquals("bob", get("reader", BOB).asString());
        // CDI work outside JAX-RS (a scheduled job, a message listener) has a request context but no request
        RequestContextController control = server.beans().select(RequestContextController.class).get();
        control.activate();
        try {
            assertEquals("anonymous", server.beans().select(SessionReader.class).get().who());
        } finally {
            control.deactivate();
        }
    }
}
