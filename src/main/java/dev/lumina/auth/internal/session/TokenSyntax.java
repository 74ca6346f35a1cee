package dev.lumina.auth.internal.session;


/**
 * The one syntax rule for every token Lumina reads back from a cookie (session, flow, CSRF): exactly the form
 * Lumina writes. Parts are base64url without padding, in canonical form (decoding and encoding again gives the
 * same text, so no two texts carry the same bytes), joined by dots: three for a JWS, five for a JWE (whose
 * encrypted key is empty with {@code dir}), two for the CSRF cookie's {@code token.hmac}. Anything else
 * ({@code ==} appended, another alphabet, a part more or less, spaces) is refused before any crypto runs.
 */
public final class TokenSyntax {

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
        int length = part.length();
        if (length == 0 || length % 4 == 1) {
            return false;
        }
        int last = 0;
        for (int i = 0; i < length; i++) {
            last = sextet(part.charAt(i));
            if (last < 0) {
                return false;
            }
        }
        // the last character's bits beyond the final byte: 4 of them after 2 characters of a group, 2 after 3
        int unused = length % 4 == 2 ? 0x0F : length % 4 == 3 ? 0x03 : 0;
        return (last & unused) == 0;
    }

    /** The value of a base64url character, or -1 for any other character. Checked by hand: the check runs on every cookie. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
}
