package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class JwtSessionCodecTest {
    private final SessionMinter minter = new SessionMinter(TestSecrets.A);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private Session sample() {
        return Session.builder().id("sid-1").subject("user-1").provider("google").email("u@example.com")
                .name("U").picture("https://img.example/u.png").roles("admin", "user")
                .claim("plan", "pro").claim("quota", 5).claim("flags", List.of("a", "b"))
                .authenticatedAt(now.minusSeconds(60)).issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
    }

    private static void assertRejected(JwtSessionCodec codec, String token) {
        AuthException e = assertThrows(AuthException.class, () -> codec.decode(token));
        assertEquals(AuthError.SESSION_INVALID, e.error());
    }

    @Test
    void roundTripKeepsEveryField() {
        Session s = sample();
        Session back = minter.codec().decode(minter.codec().encode(s));
        assertEquals(s, back);
        assertEquals(5L, ((Number) back.claims().get("quota")).longValue());
    }

    @Test
    void encryptedRoundTripHidesTheClaims() {
        SessionMinter sealed = new SessionMinter(true, TestSecrets.A);
        String token = sealed.codec().encode(sample());
        assertEquals(5, token.split("\\.").length, "JWE compact form");
        String all = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(all.contains("\"dir\"") && all.contains("A256GCM"), all);
        assertFalse(token.contains(Base64.getUrlEncoder().withoutPadding().encodeToString("u@example.com".getBytes(StandardCharsets.UTF_8))));
        assertEquals(sample(), sealed.codec().decode(token));
    }

    @Test
    void signedTokenCarriesKidAndHs256() {
        String header = new String(Base64.getUrlDecoder().decode(minter.codec().encode(sample()).split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"HS256\""), header);
        assertTrue(header.contains("\"kid\":\"" + minter.keys().current(KeyPurpose.SESSION_SIGNING).kid() + "\""), header);
    }

    @Test
    void rotationOldSecretStillVerifiesNewOneSigns() {
        String oldToken = new SessionMinter(TestSecrets.A).codec().encode(sample());
        SessionMinter rotated = new SessionMinter(TestSecrets.B, TestSecrets.A);
        assertEquals("user-1", rotated.codec().decode(oldToken).subject());
        String fresh = rotated.codec().encode(sample());
        assertEquals("user-1", new SessionMinter(TestSecrets.B).codec().decode(fresh).subject());
        assertRejected(new SessionMinter(TestSecrets.A).codec(), fresh);
    }

    @Test
    void decodeRejectsTokenSignedWithRetiredKey() {
        String oldToken = new SessionMinter(TestSecrets.A).codec().encode(sample());
        assertRejected(new SessionMinter(TestSecrets.B).codec(), oldToken);
    }

    @Test
    void s50_expiredBeyondSkewIsRejectedWithinSkewAccepted() {
        Session expired = sample().toBuilder().authenticatedAt(now.minusSeconds(7200)).issuedAt(now.minusSeconds(7200))
                .expiresAt(now.minusSeconds(61)).build();
        assertRejected(minter.codec(), minter.codec().encode(expired));
        Session justExpired = sample().toBuilder().authenticatedAt(now.minusSeconds(7200)).issuedAt(now.minusSeconds(7200))
                .expiresAt(now.minusSeconds(30)).build();
        assertEquals("user-1", minter.codec().decode(minter.codec().encode(justExpired)).subject());
    }

    @Test
    void s50_missingExpAndFutureIatOrNbfAreRejected() throws Exception {
        JwtClaims noExp = claims();
        noExp.unsetClaim("exp");
        assertRejected(minter.codec(), hs256(noExp, minter.keys().current(KeyPurpose.SESSION_SIGNING)));
        JwtClaims futureIat = claims();
        futureIat.setIssuedAt(NumericDate.fromSeconds(now.plusSeconds(3600).getEpochSecond()));
        assertRejected(minter.codec(), hs256(futureIat, minter.keys().current(KeyPurpose.SESSION_SIGNING)));
        JwtClaims iatBeyondSkew = claims();
        iatBeyondSkew.setIssuedAt(NumericDate.fromSeconds(now.plusSeconds(90).getEpochSecond()));
        assertRejected(minter.codec(), hs256(iatBeyondSkew, minter.keys().current(KeyPurpose.SESSION_SIGNING)));
        JwtClaims futureNbf = claims();
        futureNbf.setNotBefore(NumericDate.fromSeconds(now.plusSeconds(3600).getEpochSecond()));
        assertRejected(minter.codec(), hs256(futureNbf, minter.keys().current(KeyPurpose.SESSION_SIGNING)));
        // the same hand-made token with sane times passes: the rejections above are about the times
        assertEquals("user-1", minter.codec().decode(hs256(claims(), minter.keys().current(KeyPurpose.SESSION_SIGNING))).subject());
    }

    @Test
    void s48_algNoneInAnyCaseIsRejected() {
        String[] parts = minter.codec().encode(sample()).split("\\.");
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String header = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + minter.keys().current(KeyPurpose.SESSION_SIGNING).kid() + "\"}");
            assertRejected(minter.codec(), header + "." + parts[1] + ".");
        }
    }

    @Test
    void s48_changedSubjectWithOriginalSignatureIsRejected() {
        String[] parts = minter.codec().encode(sample()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("user-1", "admin-0");
        assertRejected(minter.codec(), parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void tamperedSignatureByteIsRejected() {
        String token = minter.codec().encode(sample());
        char last = token.charAt(token.length() - 2);
        String flipped = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertRejected(minter.codec(), flipped);
    }

    @Test
    void s49_otherAlgorithmsAndKindsAreRejected() throws Exception {
        KeyRing.Key key = minter.keys().current(KeyPurpose.SESSION_SIGNING);
        for (String alg : List.of(AlgorithmIdentifiers.HMAC_SHA384, AlgorithmIdentifiers.HMAC_SHA512)) {
            byte[] longKey = new byte[64];
            System.arraycopy(key.secretKey().getEncoded(), 0, longKey, 0, 32);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims().toJson());
            jws.setAlgorithmHeaderValue(alg);
            jws.setKeyIdHeaderValue(key.kid());
            jws.setKey(new HmacKey(longKey));
            assertRejected(minter.codec(), jws.getCompactSerialization());
        }
        // a sealed (JWE) session where a signed one is expected, and the reverse
        String sealed = new SessionMinter(true, TestSecrets.A).codec().encode(sample());
        assertRejected(minter.codec(), sealed);
        assertRejected(new SessionMinter(true, TestSecrets.A).codec(), minter.codec().encode(sample()));
    }

    @Test
    void s49_rs256HeaderWithKidIsRejected() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.KeyPair pair = g.generateKeyPair();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims().toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(minter.keys().current(KeyPurpose.SESSION_SIGNING).kid());
        jws.setKey(pair.getPrivate());
        assertRejected(minter.codec(), jws.getCompactSerialization());
    }

    @Test
    void unknownKidAndWrongKeyAreRejected() throws Exception {
        KeyRing.Key real = minter.keys().current(KeyPurpose.SESSION_SIGNING);
        KeyRing.Key forged = new KeyRing.Key(real.kid(), new SecretKeySpec(new byte[32], "HmacSHA256"));
        assertRejected(minter.codec(), hs256(claims(), forged));
        KeyRing.Key otherKid = new KeyRing.Key("nope", real.secretKey());
        assertRejected(minter.codec(), hs256(claims(), otherKid));
    }

    @Test
    void malformedAndOversizedTokensAreRejected() {
        for (String junk : List.of("", "abc", "a.b.c", "....", "%%%", "eyJhbGciOiJIUzI1NiJ9.e30.", "\u0000")) {
            assertRejected(minter.codec(), junk);
        }
        assertRejected(minter.codec(), "a".repeat(JoseTokens.MAX_TOKEN_LENGTH + 1));
        assertRejected(minter.codec(), b64("{\"alg\":\"HS256\"}") + "." + b64("[".repeat(5000)) + ".sig");
        // S68: deep nesting in the header, parsed before any signature check, fails fast without StackOverflowError
        assertRejected(minter.codec(), b64("{\"alg\":\"HS256\",\"x\":" + "[".repeat(5500)) + ".e30.sig");
    }

    @Test
    void encodeRefusesASessionWithoutExpiry() {
        Session noExp = sample().toBuilder().expiresAt(null).build();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> minter.codec().encode(noExp));
    }

    @Test
    void tokenWithoutSubjectIsRejected() throws Exception {
        JwtClaims c = claims();
        c.unsetClaim("sub");
        assertRejected(minter.codec(), hs256(c, minter.keys().current(KeyPurpose.SESSION_SIGNING)));
    }

    private void assertRejectedFor(String token, String failure) {
        AuthException e = assertThrows(AuthException.class, () -> minter.codec().decode(token));
        assertEquals(AuthError.SESSION_INVALID, e.error());
        assertEquals("token rejected: " + failure, e.getMessage());
    }

    @Test
    void rejectionMessageNamesTheCheckThatFailed() throws Exception {
        KeyRing.Key key = minter.keys().current(KeyPurpose.SESSION_SIGNING);
        String[] parts = minter.codec().encode(sample()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("user-1", "admin-0");
        assertRejectedFor(parts[0] + "." + b64(payload) + "." + parts[2], "signature-invalid");

        Session expired = sample().toBuilder().issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(600)).build();
        assertRejectedFor(minter.codec().encode(expired), "expired");

        JwtClaims noIat = claims();
        noIat.unsetClaim("iat");
        assertRejectedFor(hs256(noIat, key), "iat-missing");
        JwtClaims futureIat = claims();
        futureIat.setIssuedAt(NumericDate.fromSeconds(now.plusSeconds(3600).getEpochSecond()));
        futureIat.setExpirationTime(NumericDate.fromSeconds(now.plusSeconds(7200).getEpochSecond()));
        assertRejectedFor(hs256(futureIat, key), "iat-future");
        JwtClaims futureNbf = claims();
        futureNbf.setNotBefore(NumericDate.fromSeconds(now.plusSeconds(300).getEpochSecond()));
        assertRejectedFor(hs256(futureNbf, key), "not-yet-valid");
        JwtClaims otherIssuer = claims();
        otherIssuer.setIssuer("someone-else");
        assertRejectedFor(hs256(otherIssuer, key), "iss-invalid");
        JwtClaims noJti = claims();
        noJti.unsetClaim("jti");
        assertRejectedFor(hs256(noJti, key), "jti-missing");
    }

    private JwtClaims claims() {
        JwtClaims c = new JwtClaims();
        c.setIssuer(JoseTokens.ISSUER);
        c.setSubject("user-1");
        c.setJwtId("sid-x");
        c.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        c.setExpirationTime(NumericDate.fromSeconds(now.plusSeconds(600).getEpochSecond()));
        c.setClaim("auth_time", now.getEpochSecond());
        return c;
    }

    private static String hs256(JwtClaims claims, KeyRing.Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setKey(key.secretKey());
        return jws.getCompactSerialization();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }


    private String signedWith(long iat, long exp, Long authTime) {
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("iss", JoseTokens.ISSUER);
        claims.put("sub", "alice");
        claims.put("jti", "j1");
        claims.put("iat", iat);
        claims.put("exp", exp);
        if (authTime != null) {
            claims.put("auth_time", authTime);
        }
        return new JoseTokens(minter.keys(), java.time.Duration.ofSeconds(60)).sign(claims, KeyPurpose.SESSION_SIGNING);
    }

    @Test
    void s100_timesBeyondTheRangeOfInstantAreSessionInvalid() {
        // found by fuzzing (CookieTokensFuzzTest#signedSessionPayload): a DateTimeException escaped the codec
        long iat = now.getEpochSecond();
        for (long exp : new long[] {41024448244102444L, Long.MAX_VALUE, 31556889864403200L}) {
            assertRejected(minter.codec(), signedWith(iat, exp, null));
        }
        for (long authTime : new long[] {Long.MIN_VALUE, -41024448244102444L}) {
            assertRejected(minter.codec(), signedWith(iat, iat + 600, authTime));
        }
    }

    @Test
    void s51_authTimeAfterIssueIsSessionInvalid() {
        long iat = now.getEpochSecond();
        for (long later : new long[] {301, 3600, 10L * 365 * 24 * 3600}) {
            assertRejected(minter.codec(), signedWith(iat, iat + 600, iat + later));
        }
        // nodes may drift apart by the largest clock skew
        assertEquals("alice", minter.codec().decode(signedWith(iat, iat + 600, iat + 300)).subject());
        assertEquals("alice", minter.codec().decode(signedWith(iat, iat + 600, iat - 3600)).subject());
        assertEquals("alice", minter.codec().decode(signedWith(iat, iat + 600, iat)).subject());
    }
}
