package dev.lumina.sample;

import static dev.lumina.sample.Browser.jsonObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro members sharing Payara's own JCache (Hazelcast on loopback): a revocation on one is refused
 * on the other. Payara only: the second member is a Payara Micro the test starts itself (WildFly's revocations
 * stay in each server's memory, see the README).
 */
interface RevocationClusterTests extends SampleApp {

    @Test
    default void revocationOnOnePayaraMemberIsRefusedOnTheOther() {
        assumeTrue("payara".equals(SampleDeployment.server()), "a Payara cluster");
        try (PayaraMember b = PayaraMember.startB().awaitReady(Duration.ofMinutes(7))) {
            Browser onA = browser();
            Browser onB = new Browser(b.app());
            JsonObject store = jsonObject(onB.get("revocations/store"));
            assertEquals(2, store.getInt("clusterSize"), () -> "B's member joined A's: " + store + "\n" + b.tail());

            // "sign out everywhere" on A: the session is refused on B
            String person = "cluster-" + UUID.randomUUID();
            DevProvider.nextUser(person, person + "@example.org", true, "Clara Cluster");
            Browser.assertRedirect(onA.signInWithDev(onA.path("me"), onA.path("signin-failed")));
            String token = onA.cookie("lumina.session").orElseThrow().getValue();
            assertEquals(200, withCookie(b, token).get("me").statusCode(), "the session works on B (same secret)");
            assertEquals(204, onA.postForm("revocations/everywhere", Browser.form()).statusCode());
            awaitRefused(b, token, "revoked on A, presented to B");

            // a sign-out on B: a copy of the cookie is refused on A
            String other = "cluster-" + UUID.randomUUID();
            DevProvider.nextUser(other, other + "@example.org", true, "Clara Cluster");
            Browser.assertRedirect(onB.signInWithDev(onB.path("me"), onB.path("signin-failed")));
            String tokenB = onB.cookie("lumina.session").orElseThrow().getValue();
            Browser copyOnA = browser();
            copyOnA.putCookie("lumina.session", tokenB);
            assertEquals(200, copyOnA.get("me").statusCode(), "the session signed in on B works on A");
            Browser.assertRedirect(onB.signOut(onB.path("ping")));
            Browser probe = browser();
            awaitRefusedOn(probe, tokenB, "signed out on B, presented to A");
        }
    }

    private static Browser withCookie(PayaraMember member, String token) {
        Browser browser = new Browser(member.app());
        browser.putCookie("lumina.session", token);
        return browser;
    }

    private static void awaitRefused(PayaraMember member, String token, String what) {
        awaitRefusedOn(new Browser(member.app()), token, what);
    }

    /**
     * Presents the token until it is refused: the other member learns of a revocation by a cache event, a
     * moment later. A deadline, not a timing assertion (the library's ClusterRevocationTest measures the delay).
     */
    private static void awaitRefusedOn(Browser browser, String token, String what) {
        Instant deadline = Instant.now().plusSeconds(10);
        HttpResponse<String> session;
        do {
            browser.putCookie("lumina.session", token);
            session = browser.get("auth/session");
            if ("null".equals(session.body().trim())) {
                assertTrue(Browser.setCookies(session, "lumina.session").stream().anyMatch(OidcSignInTests::expires),
                        what + ": the cookie is cleared");
                return;
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(what + ": still accepted after 10 s: " + session.body());
    }
}
