package dev.lumina.auth.internal.session;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The one syntax rule for every token Lumina reads back from a cookie (session, flow, CSRF): exactly the form
 * Lumina writes. Parts are base64url without padding, in canonical form (decoding and encoding again gives the
 * same text, so no two texts carry the same bytes), joined by dots: three for a JWS, five for a JWE (whose
 * encrypted key is empty with {@code dir}), two for the CSRF cookie's {@code token.hmac}. Anything else
 * ({@code ==} appended, another alphabet, a part more or less, spaces) is refused before any crypto runs.
 */
public final class TokenSyntax {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TokenSyntax() {
    }

    /** A compact JWS: header, payload and signature, none empty. */
    public static boolean isCompactJws(String token) {
        return parts(token, 3, -1);
    }

    /** A compact JWE of {@code dir}: header, empty encrypted key, IV, ciphertext, tag. */
    public static boolean isCompactJwe(String token) {
        return parts(token, 5, 1);
    }

    /** {@code token.hmac} of the CSRF cookie. */
    public static boolean isCsrfCookie(String value) {
        return parts(value, 2, -1);
    }

    /**
     * @param count     the number of dot-separated parts
     * @param emptyPart the index of the one part that must be empty, or -1 when none may be
     */
    private static boolean parts(String token, int count, int emptyPart) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != count) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (i == emptyPart ? !parts[i].isEmpty() : !isCanonicalBase64Url(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** Not empty, base64url alphabet, no padding, and canonical (the unused low bits of the last character are zero). */
    static boolean isCanonicalBase64Url(String part) {
        if (part.isEmpty() || part.length() % 4 == 1 || !PART.matcher(part).matches()) {
            return false;
        }
        try {
            return ENCODER.encodeToString(DECODER.decode(part)).equals(part);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
