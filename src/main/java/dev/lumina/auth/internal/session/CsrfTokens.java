package dev.lumina.auth.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Signed double-submit CSRF tokens. The cookie holds {@code token.hmac}; a state-changing request must
 * send the same {@code token} in a form field or header. The HMAC (under the CSRF key of any configured
 * secret) proves the cookie was made by this application, so a cookie tossed from a sibling domain fails.
 * Every comparison is constant-time.
 */
public final class CsrfTokens {
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_COOKIE_LENGTH = 256;

    private final KeyRing keys;

    public CsrfTokens(KeyRing keys) {
        this.keys = keys;
    }

    /** A token and the cookie value binding it. */
    public record Issued(String token, String cookieValue) {
        @Override
        public String toString() {
            return "Issued[***]";
        }
    }

    /** The token of a valid cookie is kept (parallel tabs keep working); else a new one is made. */
    public Issued issue(String existingCookie) {
        return tokenOf(existingCookie)
                .map(t -> new Issued(t, existingCookie))
                .orElseGet(() -> {
                    String token = RandomTokens.next(TOKEN_BYTES);
                    return new Issued(token, token + "." + hmac(keys.current(KeyPurpose.CSRF), token));
                });
    }

    /** The token in a cookie whose HMAC verifies under one of the keys; empty otherwise. */
    public Optional<String> tokenOf(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > MAX_COOKIE_LENGTH || !TokenSyntax.isCsrfCookie(cookieValue)) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0 || dot == cookieValue.length() - 1) {
            return Optional.empty();
        }
        String token = cookieValue.substring(0, dot);
        byte[] mac = cookieValue.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (KeyRing.Key key : keys.all(KeyPurpose.CSRF)) {
            // no early exit: the time taken does not tell which key matched
            valid |= MessageDigest.isEqual(mac, hmac(key, token).getBytes(StandardCharsets.US_ASCII));
        }
        return valid ? Optional.of(token) : Optional.empty();
    }

    /** {@code true} only when the cookie is valid and the submitted token equals its token. */
    public boolean matches(String cookieValue, String submitted) {
        if (submitted == null || submitted.isEmpty()) {
            return false;
        }
        return tokenOf(cookieValue)
                .map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private static String hmac(KeyRing.Key key, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secretKey());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
