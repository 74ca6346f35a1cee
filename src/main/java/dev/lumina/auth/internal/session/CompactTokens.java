package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.jose.JwtFailures;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jwt.consumer.ErrorCodes;

/**
 * Opens the two compact forms Lumina writes, with the JDK's own HMAC-SHA256 and AES-GCM: a JWS of {@code HS256}
 * and a JWE of {@code dir} + {@code A256GCM}. It took the place of jose4j's {@code JwtConsumer} for Lumina's own
 * tokens (issue 12): that consumer set up its JSON lexer, 32 KB of buffers, for the header and again for the
 * payload of every token, which made most of the bytes and about half the time of a first verification. The
 * rules are the ones that consumer was configured with ({@link JoseTokens}); {@code CompactTokensTest} holds
 * the two side by side on the same tokens, forged and valid.
 *
 * <p>In jose4j's order: the header (untrusted until the signature or tag is checked) is parsed strictly (JSON-P,
 * a repeated member refused) and only confirms what the code expects: the algorithm is pinned here, never
 * taken from the header; {@code crit}, {@code zip}, {@code b64} and {@code cty} are refused, as Lumina writes
 * none of them and each would change how the rest is read; {@code typ} is not checked, as before. The key is
 * found by {@code kid}. The signature is compared in constant time ({@link MessageDigest#isEqual}); AES-GCM
 * checks its tag before it returns a byte. Only then is the payload read. The caller has already checked the
 * syntax ({@link TokenSyntax}), so every part is canonical base64url and the JWE's key part is empty.
 */
final class CompactTokens {
    /** The key of a {@code kid}, or {@code null} when there is none. */
    interface Keys {
        SecretKey find(String kid);
    }

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();
    private static final Set<String> REFUSED_HEADERS = Set.of("crit", "zip", "b64", "cty");
    private static final int GCM_IV_BYTES = 12;
    private static final int GCM_TAG_BYTES = 16;

    private CompactTokens() {
    }

    /** The payload of a JWS signed with HS256 by a key of {@code keys}. */
    static String verifyHs256(String token, Keys keys, AuthError failure) {
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        JsonObject header = header(token.substring(0, dot1), failure);
        expect(header, "alg", "HS256", failure);
        SecretKey key = key(header, keys, failure);
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            expected = mac.doFinal(token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw refused(failure, ErrorCodes.MISCELLANEOUS);
        }
        if (!MessageDigest.isEqual(expected, B64.decode(token.substring(dot2 + 1)))) {
            throw refused(failure, ErrorCodes.SIGNATURE_INVALID);
        }
        return new String(B64.decode(token.substring(dot1 + 1, dot2)), StandardCharsets.UTF_8);
    }

    /** The plaintext of a JWE sealed with {@code dir} + {@code A256GCM} under a key of {@code keys}. */
    static String openDirA256Gcm(String token, Keys keys, AuthError failure) {
        String[] parts = token.split("\\.", -1);
        JsonObject header = header(parts[0], failure);
        expect(header, "alg", "dir", failure);
        expect(header, "enc", "A256GCM", failure);
        SecretKey key = key(header, keys, failure);
        byte[] iv = B64.decode(parts[2]);
        byte[] ciphertext = B64.decode(parts[3]);
        byte[] tag = B64.decode(parts[4]);
        if (iv.length != GCM_IV_BYTES || tag.length != GCM_TAG_BYTES || key.getEncoded().length != 32) {
            throw refused(failure, ErrorCodes.MISCELLANEOUS);
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getEncoded(), "AES"), new GCMParameterSpec(GCM_TAG_BYTES * 8, iv));
            aes.updateAAD(parts[0].getBytes(StandardCharsets.US_ASCII)); // RFC 7516 5.2 step 14
            aes.update(ciphertext);
            return new String(aes.doFinal(tag), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException above all: altered, or sealed under another key
            throw refused(failure, ErrorCodes.MISCELLANEOUS);
        }
    }

    private static JsonObject header(String encoded, AuthError failure) {
        JsonObject header = StrictJson.object(new String(B64.decode(encoded), StandardCharsets.UTF_8), failure);
        for (String refusedName : REFUSED_HEADERS) {
            if (header.containsKey(refusedName)) {
                throw refused(failure, ErrorCodes.MISCELLANEOUS);
            }
        }
        return header;
    }

    private static void expect(JsonObject header, String name, String value, AuthError failure) {
        JsonValue v = header.get(name);
        if (!(v instanceof JsonString) || !((JsonString) v).getString().equals(value)) {
            throw refused(failure, ErrorCodes.MISCELLANEOUS);
        }
    }

    private static SecretKey key(JsonObject header, Keys keys, AuthError failure) {
        JsonValue kid = header.get("kid");
        if (kid != null && !(kid instanceof JsonString)) {
            throw refused(failure, ErrorCodes.MISCELLANEOUS);
        }
        SecretKey key = keys.find(kid == null ? null : ((JsonString) kid).getString());
        if (key == null) {
            throw refused(failure, ErrorCodes.MISCELLANEOUS);
        }
        return key;
    }

    static AuthException refused(AuthError failure, int check) {
        return new AuthException(failure, "token rejected: " + JwtFailures.name(check));
    }
}
