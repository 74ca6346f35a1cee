package dev.lumina.auth.internal.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values (ids, state, nonce, PKCE verifier, CSRF tokens) from one {@link SecureRandom}. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes, base64url without padding. */
    public static String next(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }
}
