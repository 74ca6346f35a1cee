package dev.lumina.auth.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.jose.JwtFailures;
import dev.lumina.auth.testing.SessionMinter;
import dev.lumina.auth.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * Lumina reads its own tokens with the JDK's HMAC and AES-GCM and JSON-P ({@link CompactTokens}, {@link ClaimRules})
 * instead of jose4j's consumer (issue 12). Here both read the same tokens, valid and hostile, at the same fixed
 * time: jose4j's consumer configured exactly as {@link JoseTokens} configured it before. They must accept the same
 * tokens with the same claims and refuse the same ones, naming the same failed claim check. Where Lumina is
 * stricter on purpose (header members it never writes and that change how a token is read), it is listed.
 */
class CompactTokensTest {
    private static final long NOW = 1_760_000_000L;
    private static final int SKEW = 60;
    private final SessionMinter minter = new SessionMinter(TestSecrets.A);
    private final KeyRing.Key key = minter.keys().current(KeyPurpose.SESSION_SIGNING);
    private final KeyRing.Key sealKey = minter.keys().current(KeyPurpose.SESSION_ENCRYPTION);
    private final JoseTokens lumina = new JoseTokens(minter.keys(), Duration.ofSeconds(SKEW),
            Clock.fixed(Instant.ofEpochSecond(NOW, 700_000_000), ZoneOffset.UTC));

    private JwtConsumerBuilder reference() {
        return new JwtConsumerBuilder().setExpectedIssuer(JoseTokens.ISSUER).setRequireExpirationTime().setRequireIssuedAt()
                .setRequireJwtId().setAllowedClockSkewInSeconds(SKEW).setIssuedAtRestrictions(0, Integer.MAX_VALUE)
                .setSkipDefaultAudienceValidation().setEvaluationTime(NumericDate.fromSeconds(NOW));
    }

    private final JwtConsumer jose4jJws = reference()
            .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256))
            .setJweAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT))
            .setVerificationKeyResolver((jws, nesting) -> minter.keys().find(KeyPurpose.SESSION_SIGNING, jws.getKeyIdHeaderValue())
                    .orElseThrow(() -> new org.jose4j.lang.UnresolvableKeyException("unknown kid")).secretKey())
            .build();
    private final JwtConsumer jose4jJwe = reference().setDisableRequireSignature().setEnableRequireEncryption()
            .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT))
            .setJweAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT))
            .setJweContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                    ContentEncryptionAlgorithmIdentifiers.AES_256_GCM))
            .setDecryptionKeyResolver((jwe, nesting) -> minter.keys().find(KeyPurpose.SESSION_ENCRYPTION, jwe.getKeyIdHeaderValue())
                    .orElseThrow(() -> new org.jose4j.lang.UnresolvableKeyException("unknown kid")).secretKey())
            .build();

    private String header() {
        return "{\"kid\":\"" + key.kid() + "\",\"typ\":\"JWT\",\"alg\":\"HS256\"}";
    }

    private static String claims(String extra) {
        return "{\"iss\":\"lumina\",\"sub\":\"u\",\"jti\":\"j\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 600) + extra + "}";
    }

    private static String times(String iat, String exp, String extra) {
        return "{\"iss\":\"lumina\",\"sub\":\"u\",\"jti\":\"j\"" + (iat == null ? "" : ",\"iat\":" + iat)
                + (exp == null ? "" : ",\"exp\":" + exp) + extra + "}";
    }

    @Test
    void signedTokensReadTheSameAsWithJose4j() throws Exception {
        List<String> payloads = new ArrayList<>(List.of(claims(""),
                claims(",\"n\":5,\"f\":5.0,\"e\":1e2,\"z\":-0,\"b\":true,\"nil\":null,\"s\":\"\\u00e9\\ud83d\\ude00\",\"a\":[1,[2,{\"x\":{}}]]"),
                claims(",\"roles\":[\"a\",\"b\"],\"m\":{\"k\":[true,false,null]}"), claims(",\"aud\":\"someone\""),
                claims(",\"big\":12345678901234567"), claims(",\"nested\":" + "[".repeat(200) + "]".repeat(200)),
                claims(",\"typ\":\"x\""), times("" + NOW, "" + (NOW + 600) + ".9", ""), times(NOW + ".5", "" + (NOW + 600), ""),
                times("" + NOW, "1.7e12", ""),
                // the claim checks, each failing alone and together
                times(null, "" + (NOW + 600), ""), times("" + NOW, null, ""), times(null, null, ""),
                times("" + NOW, "" + (NOW - SKEW), ""), times("" + NOW, "" + (NOW - SKEW + 1), ""),
                times("" + (NOW - 7200), "" + (NOW - 3600), ""), times("" + (NOW + SKEW), "" + (NOW + 600), ""),
                times("" + (NOW + SKEW + 1), "" + (NOW + 600), ""), times("" + (NOW + 3600), "" + (NOW + 7200), ""),
                times("" + NOW, "" + (NOW + 600), ",\"nbf\":" + (NOW + SKEW)), times("" + NOW, "" + (NOW + 600), ",\"nbf\":" + (NOW + SKEW + 1)),
                times("" + (NOW + 30), "" + (NOW + 10), ""), times("" + NOW, "" + (NOW + 600), ",\"nbf\":" + (NOW + 700)),
                times("\"" + NOW + "\"", "" + (NOW + 600), ""), times("" + NOW, "true", ""),
                times("" + NOW, "" + Long.MAX_VALUE, ""), times("" + Long.MIN_VALUE, "" + (NOW + 600), ""),
                times("" + NOW, "" + (NOW + 600), ",\"nbf\":" + Long.MAX_VALUE),
                "{\"sub\":\"u\",\"jti\":\"j\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 600) + "}",
                claims("").replace("\"lumina\"", "\"other\""), claims("").replace("\"lumina\"", "7"),
                claims("").replace("\"sub\":\"u\"", "\"sub\":7"), claims("").replace("\"jti\":\"j\"", "\"jti\":[]"),
                claims("").replace(",\"jti\":\"j\"", ""), claims("").replace("\"iss\":\"lumina\"", "\"iss\":null"),
                "{\"iss\":\"other\",\"jti\":7,\"iat\":" + NOW + ",\"exp\":" + (NOW - 3600) + "}",
                // not a claims object
                "[]", "\"x\"", "1", "", "{", "{\"iss\":\"lumina\",}", "{\"a\":01}", claims(",\"x\":NaN")));
        for (String payload : payloads) {
            same(signed(header(), payload), payload);
        }
    }

    @Test
    void headersReadTheSameAsWithJose4j() throws Exception {
        String kid = key.kid();
        for (String header : List.of(header(), "{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"typ\":\"at+jwt\",\"jku\":\"https://evil.example\",\"x\":[{}]}",
                "{\"alg\":\"HS384\",\"kid\":\"" + kid + "\"}", "{\"alg\":\"none\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"hs256\",\"kid\":\"" + kid + "\"}", "{\"alg\":[\"HS256\"],\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}", "{\"alg\":\"HS256\"}", "{\"alg\":\"HS256\",\"kid\":\"other\"}",
                "{\"alg\":\"HS256\",\"kid\":7}", "{\"alg\":\"HS256\",\"kid\":null}", "{\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"]}", "{\"alg\":\"none\",\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}",
                "{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"kid\":\"other\"}", "[]", "\"HS256\"", "{", "")) {
            same(signed(header, claims("")), header);
        }
        // stricter on purpose: members Lumina never writes that change how the rest is read
        for (String member : List.of("\"crit\":[]", "\"b64\":false", "\"b64\":true", "\"cty\":\"JWT\"", "\"cty\":\"x\"", "\"zip\":\"DEF\"")) {
            String header = "{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"," + member + "}";
            assertThrows(AuthException.class, () -> lumina.verify(signed(header, claims("")), KeyPurpose.SESSION_SIGNING,
                    AuthError.SESSION_INVALID), header);
        }
    }

    @Test
    void forgedAndAlteredTokensAreRefusedByBoth() throws Exception {
        String good = signed(header(), claims(""));
        String[] p = good.split("\\.");
        List<String> forged = new ArrayList<>(List.of(p[0] + "." + b64(claims(",\"admin\":true")) + "." + p[2],
                p[0] + "." + p[1] + "." + b64(new byte[32]), p[0] + "." + p[1] + "." + p[2].substring(0, 42),
                b64("{\"alg\":\"none\",\"kid\":\"" + key.kid() + "\"}") + "." + p[1] + "."));
        byte[] otherKey = new byte[32];
        forged.add(signedWith(otherKey, header(), claims("")));
        for (int i = 0; i < p[2].length(); i += 5) { // one character of the signature changed, all along it
            char c = p[2].charAt(i);
            forged.add(p[0] + "." + p[1] + "." + p[2].substring(0, i) + (c == 'A' ? 'B' : 'A') + p[2].substring(i + 1));
        }
        for (String token : forged) {
            if (TokenSyntax.isCompactJws(token)) {
                same(token, token);
            }
            assertThrows(AuthException.class, () -> lumina.verify(token, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID), token);
        }
    }

    @Test
    void sealedTokensReadTheSameAsWithJose4j() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (String payload : List.of(claims(""), claims(",\"r\":[1,2.5,{}]"), times("" + NOW, "" + (NOW - SKEW), ""),
                times(null, "" + (NOW + 600), ""), "[]")) {
            tokens.add(sealed(payload, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM, sealKey.kid(), sealKey.secretKey().getEncoded()));
        }
        tokens.add(sealed(claims(""), ContentEncryptionAlgorithmIdentifiers.AES_256_GCM, "other", sealKey.secretKey().getEncoded()));
        tokens.add(sealed(claims(""), ContentEncryptionAlgorithmIdentifiers.AES_256_GCM, sealKey.kid(), new byte[32]));
        tokens.add(sealed(claims(""), ContentEncryptionAlgorithmIdentifiers.AES_128_GCM, sealKey.kid(), new byte[16]));
        tokens.add(sealed(claims(""), ContentEncryptionAlgorithmIdentifiers.AES_128_CBC_HMAC_SHA_256, sealKey.kid(), new byte[32]));
        String good = tokens.get(0);
        String[] p = good.split("\\.");
        for (int part : new int[] {0, 2, 3, 4}) { // a character of the header, IV, ciphertext or tag changed
            String[] q = p.clone();
            q[part] = q[part].substring(0, 4) + (q[part].charAt(4) == 'A' ? 'B' : 'A') + q[part].substring(5);
            tokens.add(String.join(".", q));
        }
        tokens.add(b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + sealKey.kid() + "\",\"x\":1}") + "." + p[1] + "." + p[2]
                + "." + p[3] + "." + p[4]);
        for (String token : tokens) {
            if (TokenSyntax.isCompactJwe(token)) {
                sameSealed(token);
            }
        }
        // stricter on purpose: a compressed plaintext is never Lumina's
        JsonWebEncryption zipped = jwe(claims(""), ContentEncryptionAlgorithmIdentifiers.AES_256_GCM, sealKey.kid(),
                sealKey.secretKey().getEncoded());
        zipped.enableDefaultCompression();
        String z = zipped.getCompactSerialization();
        assertThrows(AuthException.class, () -> lumina.open(z, KeyPurpose.SESSION_ENCRYPTION, AuthError.SESSION_INVALID));
    }

    private void same(String token, String label) {
        Object ours = outcome(() -> lumina.verify(token, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID));
        Object theirs = reference(jose4jJws, token);
        compare(ours, theirs, label);
    }

    private void sameSealed(String token) {
        Object ours = outcome(() -> lumina.open(token, KeyPurpose.SESSION_ENCRYPTION, AuthError.SESSION_INVALID));
        compare(ours, reference(jose4jJwe, token), token);
    }

    /** Accepted: the claims; refused: the message when it names claim checks, else "refused". */
    private static Object outcome(java.util.function.Supplier<JwtClaims> read) {
        try {
            return new LinkedHashMap<>(read.get().getClaimsMap());
        } catch (AuthException e) {
            return e.getMessage();
        }
    }

    private static Object reference(JwtConsumer consumer, String token) {
        try {
            return new LinkedHashMap<>(consumer.processToClaims(token).getClaimsMap());
        } catch (InvalidJwtException e) {
            return "token rejected: " + JwtFailures.describe(e);
        } catch (RuntimeException e) {
            return "token unreadable";
        }
    }

    private static void compare(Object ours, Object theirs, String label) {
        if ("token rejected: json-invalid".equals(ours) && !(theirs instanceof Map && label.equals(claims("")))) {
            return; // stricter on purpose: jose4j's parser lets some malformed JSON through ({"a":1,}), JSON-P does not
        }
        if (ours instanceof Map || theirs instanceof Map) {
            assertEquals(theirs, ours, label);
            return;
        }
        String reference = (String) theirs;
        if (CLAIM_CHECKS.stream().anyMatch(reference::contains)) {
            assertEquals(reference, ours, label); // the names of failed claim checks are part of the log line
        } else if (!(ours instanceof String)) {
            fail("Lumina accepted what jose4j refused: " + label);
        }
    }

    private static final List<String> CLAIM_CHECKS = List.of("expired", "-missing", "iss-invalid", "not-yet-valid", "iat-",
            "claim-malformed");

    private String signed(String header, String payload) throws Exception {
        return signedWith(key.secretKey().getEncoded(), header, payload);
    }

    private static String signedWith(byte[] key, String header, String payload) throws Exception {
        String input = b64(header) + "." + b64(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String sealed(String payload, String enc, String kid, byte[] key) throws Exception {
        return jwe(payload, enc, kid, key).getCompactSerialization();
    }

    private static JsonWebEncryption jwe(String payload, String enc, String kid, byte[] key) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(payload);
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(enc);
        jwe.setKeyIdHeaderValue(kid);
        jwe.setKey(new javax.crypto.spec.SecretKeySpec(key, "AES"));
        return jwe;
    }

    private static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
