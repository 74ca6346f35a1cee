package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.internal.session.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * PKCE with {@code S256} only (RFC 7636): a verifier of 256 random bits (43 base64url characters, all from
 * the unreserved set) and its challenge {@code BASE64URL(SHA-256(verifier))}. {@code plain} is never used.
 */
public final class Pkce {
    public static final String METHOD = "S256";
    /** 32 bytes = 256 bits, 43 characters once base64url-encoded (RFC 7636 section 4.1: 43 to 128). */
    static final int VERIFIER_BYTES = 32;

    private Pkce() {
    }

    /** A fresh verifier from {@code SecureRandom}. */
    public static String newVerifier() {
        return RandomTokens.next(VERIFIER_BYTES);
    }

    /** The S256 challenge of a verifier. */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
