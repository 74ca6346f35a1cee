package dev.lumina.auth.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lumina.auth.testing.Browser;
import dev.lumina.auth.testing.HazelcastMembers;
import dev.lumina.auth.testing.NodeProcess;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Revocation across a cluster: two nodes, each in its own JVM with a Hazelcast member (JCache) on loopback. A
 * revocation recorded on one node is refused on the other, which answers from its local, event-updated copy.
 * The propagation is polled up to a generous bound, never timed as an assertion; the time seen is printed.
 */
class ClusterRevocationTest {
    static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);
    static final Duration BOUND = Duration.ofSeconds(20);
    static NodeProcess nodeA;
    static NodeProcess nodeB;

    @BeforeAll
    static void start() {
        HazelcastMembers members = new HazelcastMembers(2);
        // one after the other: the second member joins the first instead of both forming clusters of their own
        nodeA = NodeProcess.start(properties(members), members.jvmOptions(0)).join();
        nodeB = NodeProcess.start(properties(members), members.jvmOptions(1)).join();
    }

    static Map<String, String> properties(HazelcastMembers members) {
        Map<String, String> p = new HashMap<>(members.properties());
        p.put("lumina.auth.secret", TestSecrets.A);
        return p;
    }

    @AfterAll
    static void stop() {
        for (NodeProcess n : new NodeProcess[] {nodeA, nodeB}) {
            if (n != null) {
                n.close();
            }
        }
    }

    static String token(String subject) {
        Instant signedIn = Instant.now().minusSeconds(60);
        return MINTER.token(subject, signedIn, signedIn.plus(Duration.ofHours(1)));
    }

    static String whoami(URI node, String token) {
        return new Browser(node).cookie("lumina.session", token).get("probe/whoami").asString();
    }

    /** Polls until the node refuses the token; the time it took, or a failure after {@link #BOUND}. */
    static Duration refusedWithin(URI node, String token) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < BOUND.toNanos()) {
            if (whoami(node, token).equals("anonymous|-")) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the session was still accepted after " + BOUND);
    }

    @Test
    void signOutEverywhereOnNodeAIsRefusedOnNodeB() {
        String erin = token("erin");
        String frank = token("frank");
        assertEquals("erin|erin", whoami(nodeB.uri(), erin));
        assertEquals("erin|erin", whoami(nodeB.uri(), erin)); // now from node B's verified-token cache
        assertEquals("erin|erin", whoami(nodeA.uri(), erin));

        new Browser(nodeA.uri()).postForm("probe/revoke/subject/erin", Map.of("by", "test")).then().statusCode(200);

        assertEquals("anonymous|-", whoami(nodeA.uri(), erin), "the node that recorded it knows at once");
        Duration seen = refusedWithin(nodeB.uri(), erin);
        System.out.println("revocation on node A refused on node B after " + seen.toMillis() + " ms");
        assertEquals("frank|frank", whoami(nodeB.uri(), frank));
        assertEquals("frank|frank", whoami(nodeA.uri(), frank));
    }

    @Test
    void oneSessionRevokedOnNodeBIsRefusedOnNodeA() {
        String gina = token("gina");  // SessionMinter gives it the id sid-gina
        assertEquals("gina|gina", whoami(nodeA.uri(), gina));
        new Browser(nodeB.uri()).postForm("probe/revoke/session/sid-gina", Map.of("by", "test")).then().statusCode(200);
        Duration seen = refusedWithin(nodeA.uri(), gina);
        System.out.println("revocation on node B refused on node A after " + seen.toMillis() + " ms");
        assertEquals("anonymous|-", whoami(nodeB.uri(), gina));
    }
}
