package dev.lumina.auth.internal.jaxrs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyPurpose;
import dev.lumina.auth.internal.session.KeyRing;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import dev.lumina.auth.testing.TestServer;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * S68 for the session: nesting is bounded when a session is issued (the builder refuses a claim nested deeper
 * than 32 levels) and when one is read (a validly signed token with such a claim, made by another version or
 * another codec, is anonymous and cleared; {@code /auth/session} answers {@code null}, never 500).
 */
class DeepNestingTest {
    private static final SessionMinter MINTER = new SessionMinter(TestSecrets.A);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Object lists(int depth) {
        Object v = "x";
        for (int i = 0; i < depth; i++) {
            v = List.of(v);
        }
        return v;
    }

    static Object maps(int depth) {
        Object v = 1;
        for (int i = 0; i < depth; i++) {
            v = Map.of("a", v);
        }
        return v;
    }

    /** The claim as JSON text, so that no builder of the test's own recurses on it. */
    static String listsJson(int depth) {
        return "[".repeat(depth) + "\"x\"" + "]".repeat(depth);
    }

    static String mapsJson(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** A token signed with the application's key, as a codec without the bound would have made it. */
    private static String signed(String claimJson) {
        long now = Instant.now().getEpochSecond();
        String payload = "{\"iss\":\"" + JoseTokens.ISSUER + "\",\"sub\":\"alice\",\"jti\":\"j1\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"deep\":" + claimJson + "}";
        KeyRing.Key key = MINTER.keys().current(KeyPurpose.SESSION_SIGNING);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setKey(key.secretKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void s68_builderRefusesClaimsNestedDeeperThan32Levels() {
        for (Object deep : List.of(lists(33), maps(33), lists(1000), maps(5000), Map.of("a", List.of(lists(40))))) {
            assertThrows(IllegalArgumentException.class, () -> Session.builder().subject("s").claim("deep", deep));
        }
        assertDoesNotThrow(() -> Session.builder().subject("s").claim("ok", lists(32)).claim("ok2", maps(32)).build());
    }

    @Test
    void s68_mapThatContainsItselfIsRefusedNotEndless() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", loop);
        assertThrows(IllegalArgumentException.class, () -> Session.builder().subject("s").claim("loop", loop));
    }

    @Test
    void s68_signedSessionWithDeepClaimIsInvalidWhenRead() {
        for (String deep : List.of(listsJson(33), mapsJson(40), listsJson(1500), mapsJson(400))) {
            String token = signed(deep);
            AuthException e = assertThrows(AuthException.class, () -> MINTER.codec().decode(token));
            assertEquals(AuthError.SESSION_INVALID, e.error());
        }
        assertEquals("alice", MINTER.codec().decode(signed(listsJson(32))).subject());
    }

    @Test
    void s68_deeplyNestedSessionIsAnonymousNever500() {
        for (String deep : List.of(listsJson(33), listsJson(1500), mapsJson(400))) {
            String token = signed(deep);
            Response session = server.request().cookie("lumina.session", token).get("auth/session");
            assertEquals(200, session.statusCode());
            assertEquals("null", session.asString().trim());
            assertTrue(session.header("Set-Cookie").startsWith("lumina.session=; Max-Age=0"));
            server.request().cookie("lumina.session", token).get("probe/whoami").then().statusCode(200);
        }
    }
}
