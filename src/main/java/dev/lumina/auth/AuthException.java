package dev.lumina.auth;

import java.util.Objects;

/**
 * The one exception Lumina throws for an authentication outcome. It carries an {@link AuthError}; its
 * message is for logs and never holds a token, code, secret or cookie value. What reaches a browser is
 * only {@link AuthError#code()} (and, for {@link AuthError#ACCESS_DENIED}, the application's reason).
 *
 * <pre>{@code
 * try { session = codec.decode(token); }
 * catch (AuthException e) { if (e.error() == AuthError.SESSION_INVALID) ...; }
 * }</pre>
 */
public final class AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AuthError error;
    private final String reason;

    public AuthException(AuthError error, String message) {
        this(error, message, null, null);
    }

    public AuthException(AuthError error, String message, Throwable cause) {
        this(error, message, null, cause);
    }

    private AuthException(AuthError error, String message, String reason, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
        this.reason = reason;
    }

    /** An {@link AuthError#ACCESS_DENIED} carrying the application's own reason code. */
    public static AuthException denied(String reason) {
        return new AuthException(AuthError.ACCESS_DENIED, "access denied: " + reason, reason, null);
    }

    public AuthError error() {
        return error;
    }

    /** The application's reason for {@link AuthError#ACCESS_DENIED}, or {@code null}. */
    public String reason() {
        return reason;
    }
}
