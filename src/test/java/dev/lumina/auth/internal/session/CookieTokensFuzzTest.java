package dev.lumina.auth.internal.session;

import static dev.lumina.auth.testing.FuzzSupport.check;
import static dev.lumina.auth.testing.FuzzSupport.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.testing.FuzzSupport;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing of the cookies read on every request, before anybody is known: the session cookie (signed and
 * sealed) as sent, a session payload signed with the application's own key (what a node with the secret could
 * have issued: every claim shape the codec must survive), and the CSRF cookie. Only {@code session_invalid} may
 * come out of the codec; the CSRF check never throws.
 */
class CookieTokensFuzzTest {
    private static final SessionMinter SIGNED = new SessionMinter(TestSecrets.A);
    private static final SessionMinter SEALED = new SessionMinter(true, TestSecrets.A);
    private static final CsrfTokens CSRF = new CsrfTokens(SIGNED.keys());

    @BeforeAll
    static void quiet() {
        FuzzSupport.quiet();
    }

    @AfterAll
    static void loud() {
        FuzzSupport.loud();
    }

    private static void decode(SessionMinter codec, String token) {
        try {
            Session s = codec.codec().decode(token);
            check(s.isAuthenticated() && !s.subject().isBlank(), "a decoded session has a subject");
            s.toString();
            s.claims().forEach((k, v) -> String.valueOf(v));
        } catch (AuthException e) {
            check(e.error() == AuthError.SESSION_INVALID, "only session_invalid: " + e.error());
        }
    }

    @FuzzTest
    void sessionCookie(byte[] data) {
        String token = text(data);
        decode(SIGNED, token);
        decode(SEALED, token);
    }

    @FuzzTest
    void signedSessionPayload(byte[] payload) throws JoseException {
        KeyRing.Key key = SIGNED.keys().current(KeyPurpose.SESSION_SIGNING);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayloadBytes(payload);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setKey(key.secretKey());
        decode(SIGNED, jws.getCompactSerialization());
    }

    @FuzzTest
    void sealedSessionPayload(byte[] payload) throws JoseException {
        KeyRing.Key key = SEALED.keys().current(KeyPurpose.SESSION_ENCRYPTION);
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPlaintext(payload);
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKeyIdHeaderValue(key.kid());
        jwe.setKey(key.secretKey());
        decode(SEALED, jwe.getCompactSerialization());
    }

    @FuzzTest
    void csrfCookie(byte[] data) {
        String[] parts = FuzzSupport.split(data);
        CSRF.tokenOf(parts[0]).ifPresent(t -> check(parts[0].startsWith(t + "."), "the token is the cookie's first part"));
        boolean matches = CSRF.matches(parts[0], parts[1]);
        check(!matches || CSRF.tokenOf(parts[0]).orElse("").equals(parts[1]), "a match is the cookie's own token");
        CSRF.issue(parts[0]);
        new String(data, StandardCharsets.UTF_8).length();
    }
}
