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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.lumina.auth.Session;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.InetAddress;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
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
    static final Duration FORMING = Duration.ofMinutes(3);
    static NodeProcess nodeA;
    static NodeProcess nodeB;
    static MockOAuth2Server idp;

    @BeforeAll
    static void start() {
        idp = new MockOAuth2Server(new OAuth2Config());
        idp.start(InetAddress.getLoopbackAddress(), 0);
        HazelcastMembers members = new HazelcastMembers(2);
        // one after the other: the second member joins the first instead of both forming clusters of their own
        nodeA = NodeProcess.start(properties(members), members.jvmOptions(0)).join();
        nodeB = NodeProcess.start(properties(members), members.jvmOptions(1)).join();
        // the members form one cluster in the background (on a loaded machine, maybe after a split and a merge):
        // wait until a revocation travels both ways before the tests start
        clusterFormed(nodeA.uri(), nodeB.uri(), "warm-up-a");
        clusterFormed(nodeB.uri(), nodeA.uri(), "warm-up-b");
    }

    static void clusterFormed(URI from, URI to, String subject) {
        String token = token(subject);
        long start = System.nanoTime();
        while (System.nanoTime() - start < FORMING.toNanos()) {
            new Browser(from).postForm("probe/revoke/subject/" + subject, Map.of("by", "test")).then().statusCode(200);
            if (whoami(to, token).equals("anonymous|-")) {
                return;
            }
        }
        throw new AssertionError("the two Hazelcast members did not form a cluster within " + FORMING + " (see target/nodes/)");
    }

    static Map<String, String> properties(HazelcastMembers members) {
        Map<String, String> p = new HashMap<>(members.properties());
        p.put("lumina.auth.secret", TestSecrets.A);
        p.put("lumina.auth.providers.dev.type", "oidc");
        p.put("lumina.auth.providers.dev.issuer", idp.issuerUrl("default").toString());
        p.put("lumina.auth.providers.dev.client-id", "lumina-rp");
        return p;
    }

    @AfterAll
    static void stop() {
        for (NodeProcess n : new NodeProcess[] {nodeA, nodeB}) {
            if (n != null) {
                n.close();
            }
        }
        if (idp != null) {
            idp.shutdown();
        }
    }

    static String token(String subject) {
        Instant signedIn = Instant.now().minusSeconds(60);
        return MINTER.token(subject, signedIn, signedIn.plus(Duration.ofHours(1)));
    }

    /** A session signed in through provider {@code dev}, in its provider session {@code sid}. */
    static String providerSession(String subject, String sid) {
        Instant signedIn = Instant.now().minusSeconds(60);
        return MINTER.codec().encode(Session.builder().id("id-" + subject).subject(subject).provider("dev")
                .providerSubject("idp-" + subject).providerSessionId(sid)
                .authenticatedAt(signedIn).issuedAt(signedIn).expiresAt(signedIn.plus(Duration.ofHours(1))).build());
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

    @Test
    void backChannelLogoutReceivedOnNodeAIsRefusedOnNodeB() {
        String hana = providerSession("hana", "op-session-h");
        String ivan = providerSession("ivan", "op-session-i");
        assertEquals("hana|hana", whoami(nodeB.uri(), hana));
        assertEquals("ivan|ivan", whoami(nodeB.uri(), ivan));
        Map<String, Object> claims = new HashMap<>();
        claims.put("sid", "op-session-h");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        String logoutToken = idp.issueToken("default", "lumina-rp", new DefaultOAuth2TokenCallback("default", "idp-hana",
                "logout+jwt", List.of("lumina-rp"), claims, 120)).serialize();
        Response r = RestAssured.given().contentType("application/x-www-form-urlencoded").formParam("logout_token", logoutToken)
                .post(nodeA.uri() + "auth/backchannel-logout/dev");
        assertEquals(200, r.statusCode(), r.asString());
        Duration seen = refusedWithin(nodeB.uri(), hana);
        System.out.println("back-channel logout on node A refused on node B after " + seen.toMillis() + " ms");
        assertEquals("ivan|ivan", whoami(nodeB.uri(), ivan));
        // the same token again, now on node B: its jti was recorded cluster-wide
        RestAssured.given().contentType("application/x-www-form-urlencoded").formParam("logout_token", logoutToken)
                .post(nodeB.uri() + "auth/backchannel-logout/dev").then().statusCode(400);
    }
}
