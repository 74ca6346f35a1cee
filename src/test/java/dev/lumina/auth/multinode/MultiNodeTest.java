package dev.lumina.auth.multinode;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthException;
import dev.lumina.auth.embedded.LuminaServer;
import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.ProbeResource;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import io.restassured.response.Response;
import dev.lumina.auth.testing.NodeProcess;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nodes behind no sticky sessions: any node that shares the secret serves any step (S84); secrets rotate
 * without signing anybody out (S85). One node runs in this JVM, the others each in a child JVM (two Weld SE
 * containers in one JVM share one container's beans under Jersey: see {@link NodeProcess}).
 */
class MultiNodeTest {
    static MockOAuth2Server idp;
    static LuminaServer nodeA;     // in this JVM, secrets [A]
    static NodeProcess nodeB;      // secrets [A]
    static NodeProcess rotated;    // secrets [A, B]: A signs, both verify
    static NodeProcess oldOnly;    // secrets [B]: a node before the rotation

    @BeforeAll
    static void start() {
        idp = new MockOAuth2Server(new OAuth2Config());
        idp.start(InetAddress.getLoopbackAddress(), 0);
        CompletableFuture<NodeProcess> b = NodeProcess.start(properties(TestSecrets.A));
        CompletableFuture<NodeProcess> r = NodeProcess.start(properties(TestSecrets.A + "," + TestSecrets.B));
        CompletableFuture<NodeProcess> o = NodeProcess.start(properties(TestSecrets.B));
        nodeA = LuminaServer.builder().port(0).properties(properties(TestSecrets.A)).classes(ProbeResource.class).start();
        nodeB = b.join();
        rotated = r.join();
        oldOnly = o.join();
    }

    static Map<String, String> properties(String secrets) {
        return Map.of("lumina.auth.secret", secrets,
                "lumina.auth.providers.dev.type", "oidc",
                "lumina.auth.providers.dev.issuer", idp.issuerUrl("default").toString(),
                "lumina.auth.providers.dev.client-id", "lumina-rp");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {nodeA, nodeB, rotated, oldOnly}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
        idp.shutdown();
    }

    /** Sign-in started on {@code start}, callback on {@code callback}; the browser keeps its cookies. */
    static Response signInAcross(Browser b, URI start, URI callback) {
        b.at(start);
        Response begin = b.startSignIn("dev", "/home", "/oops");
        assertEquals(303, begin.statusCode(), begin.asString());
        String back = b.authorize(begin.header("Location"));
        b.at(callback);
        return b.get("auth/callback/dev?" + back.substring(back.indexOf('?') + 1));
    }

    @Test
    void s84_signInStartedOnOneNodeCompletesOnAnotherAndTheSessionWorksOnBoth() {
        Browser b = new Browser(nodeA.uri());
        Response done = signInAcross(b, nodeA.uri(), nodeB.uri());
        assertEquals(303, done.statusCode());
        assertTrue(done.header("Location").endsWith("/home"), done.header("Location"));
        String who = b.at(nodeB.uri()).get("probe/whoami").asString();
        assertTrue(who.startsWith("dev:"), who);
        b.at(nodeA.uri()).get("probe/whoami").then().body(equalTo(who));
        // and the other way round
        Browser c = new Browser(nodeB.uri());
        assertTrue(signInAcross(c, nodeB.uri(), nodeA.uri()).header("Location").endsWith("/home"));
        c.at(nodeB.uri()).get("probe/whoami").then().body(equalTo(c.at(nodeA.uri()).get("probe/whoami").asString()));
    }

    @Test
    void s85_flowCookieSealedWithTheOldSecretOpensOnANodeThatStillVerifiesIt() {
        Browser b = new Browser(oldOnly.uri());
        Response done = signInAcross(b, oldOnly.uri(), rotated.uri());
        assertEquals(303, done.statusCode());
        assertTrue(done.header("Location").endsWith("/home"), done.header("Location"));
        String session = b.cookie("lumina.session");
        assertNotNull(session);
        // the new cookie is signed with the new secret
        assertTrue(new SessionMinter(TestSecrets.A).codec().decode(session).isAuthenticated());
        assertThrows(AuthException.class, () -> new SessionMinter(TestSecrets.B).codec().decode(session));
    }

    @Test
    void s85_flowCookieSealedWithARemovedSecretRedirectsStateInvalid() {
        Browser b = new Browser(oldOnly.uri());
        Response done = signInAcross(b, oldOnly.uri(), nodeA.uri());
        assertEquals(303, done.statusCode());
        assertTrue(done.header("Location").contains("error=state_invalid"), done.header("Location"));
        b.at(nodeA.uri()).get("probe/whoami").then().body(equalTo("anonymous|-"));
    }

    @Test
    void s85_sessionOfTheOldSecretIsKeptDuringRotationAndDroppedAfterIt() {
        String old = new SessionMinter(TestSecrets.B).token("carol");
        new Browser(rotated.uri()).cookie("lumina.session", old).get("probe/whoami").then().body(equalTo("carol|carol"));
        new Browser(nodeA.uri()).cookie("lumina.session", old).get("probe/whoami").then().body(equalTo("anonymous|-"));
    }
}
