package dev.lumina.auth.revocation;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthFailed;
import dev.lumina.auth.Revocations;
import dev.lumina.auth.SignedOut;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revocation through the embedded server: the application's {@link Revocations} bean and the sign-out end
 * sessions on their next request, also when the node answered the same token from its verified-token cache.
 */
class RevocationTest {
    static TestServer server;
    static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        server.events().clear();
    }

    static Revocations revocations() {
        return server.server().beans().select(Revocations.class).get();
    }

    /** A token signed in a minute ago (revocations compare with the sign-in time, in whole seconds). */
    static String token(String subject) {
        Instant signedIn = Instant.now().minusSeconds(60);
        return MINTER.token(subject, signedIn, signedIn.plus(Duration.ofHours(1)));
    }

    static Response whoami(String token) {
        return server.request().cookie("lumina.session", token).get("probe/whoami");
    }

    @Test
    void aCachedTokenIsRefusedOnceItsSubjectIsRevoked() {
        String alice = token("alice-cached");
        String bob = token("bob-cached");
        whoami(alice).then().body(equalTo("alice-cached|alice-cached"));
        whoami(alice).then().body(equalTo("alice-cached|alice-cached")); // now answered from the cache
        whoami(bob).then().body(equalTo("bob-cached|bob-cached"));

        revocations().revokeSubject("alice-cached");

        Response refused = whoami(alice);
        refused.then().body(equalTo("anonymous|-"));
        assertTrue(refused.header("Set-Cookie").startsWith("lumina.session=;"), refused.header("Set-Cookie"));
        whoami(bob).then().body(equalTo("bob-cached|bob-cached"));
        List<AuthFailed> failed = server.events().of(AuthFailed.class);
        assertEquals(1, failed.size(), failed.toString());
        assertEquals(AuthError.SESSION_REVOKED, failed.get(0).error());
        assertEquals("session_revoked", failed.get(0).error().code());
        List<SignedOut> out = server.events().of(SignedOut.class);
        assertEquals(1, out.size());
        assertEquals(SignedOut.Reason.REVOKED, out.get(0).reason());
        assertEquals("alice-cached", out.get(0).session().subject());
    }

    @Test
    void revokingOneSessionByIdLeavesTheUsersOtherSessions() {
        String first = token("carol");
        String second = MINTER.token("carol"); // another sign-in of the same user, another id
        whoami(first).then().body(equalTo("carol|carol"));
        revocations().revokeSession("sid-carol"); // SessionMinter's id for token(subject, times)
        whoami(first).then().body(equalTo("anonymous|-"));
        whoami(second).then().body(equalTo("carol|carol"));
    }

    @Test
    void s89_aTokenCopiedBeforeSignOutNoLongerWorksAfterIt() {
        String copied = token("dave");
        whoami(copied).then().body(equalTo("dave|dave"));
        Response csrf = server.request().get("auth/csrf");
        server.request().cookie("lumina.csrf", csrf.getCookie("lumina.csrf")).cookie("lumina.session", copied)
                .formParam("csrfToken", csrf.jsonPath().getString("csrfToken"))
                .post("auth/signout").then().statusCode(303);
        assertEquals(SignedOut.Reason.USER, server.events().of(SignedOut.class).get(0).reason());
        whoami(copied).then().body(equalTo("anonymous|-"));
        assertEquals(AuthError.SESSION_REVOKED, server.events().of(AuthFailed.class).get(0).error());
    }
}
