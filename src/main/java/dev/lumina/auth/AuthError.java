package dev.lumina.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The stable error codes of Lumina Auth. The {@linkplain #code() wire code} is what a failure URL
 * ({@code ?error=<code>}), a JSON body ({@code {"error":"<code>"}}) and {@link AuthFailed} carry; it never
 * changes between versions.
 *
 * <pre>{@code
 * void onFailure(@Observes AuthFailed event) {
 *     if (event.error() == AuthError.CREDENTIALS_INVALID) throttle(event.clientAddress());
 * }
 * }</pre>
 */
public enum AuthError {
    /** A POST without the right CSRF token. */
    CSRF_INVALID(403),
    /** A callback or error URL outside the allowed origins. */
    INVALID_REDIRECT(400),
    /** No provider with that id. */
    UNKNOWN_PROVIDER(404),
    /** State missing or different; flow cookie missing, expired or tampered; provider mismatch. */
    STATE_INVALID(400),
    /** The user cancelled at the provider, or the application refused the profile. */
    ACCESS_DENIED(403),
    /** The provider answered with an error or with something malformed. */
    PROVIDER_ERROR(502),
    /** The provider could not be reached: connection failed, or discovery / JWKS answered 5xx. */
    PROVIDER_UNAVAILABLE(503),
    /** The ID token failed a check of OpenID Connect Core 3.1.3.7. */
    ID_TOKEN_INVALID(401),
    /** Userinfo failed or disagrees with the ID token; a required profile field is missing. */
    PROFILE_INVALID(502),
    /** The application refused the credentials (same answer for unknown user and wrong password). */
    CREDENTIALS_INVALID(401),
    /** An application observer threw; nothing more is said to the browser. */
    SERVER_ERROR(500),
    /**
     * Only in {@link AuthFailed}: a session cookie failed verification (expired, tampered, signed with a
     * retired secret). The request went on anonymous and the cookie was cleared; no error page is shown.
     */
    SESSION_INVALID(401),
    /**
     * Only in {@link AuthFailed}: a valid session cookie whose session was revoked ({@link Revocations}, a
     * sign-out, the provider's back-channel logout). The request went on anonymous and the cookie was cleared.
     */
    SESSION_REVOKED(401),
    /**
     * The provider refused to refresh the kept provider tokens (the refresh token expired, was revoked, or was
     * used already): thrown by {@code ProviderTokens.accessToken()} and fired as {@link AuthFailed}; the session
     * then goes on without tokens or ends, as {@code lumina.auth.tokens.on-refresh-failure} says.
     */
    TOKEN_REFRESH_FAILED(401),
    /** JSON answer of a protected resource to a request without a session. */
    UNAUTHENTICATED(401),
    /** JSON answer of a protected resource to a session that lacks the required role. */
    FORBIDDEN(403);

    private final int status;
    private final String code;

    AuthError(int status) {
        this.status = status;
        this.code = name().toLowerCase(Locale.ROOT);
    }

    /** The stable wire code, e.g. {@code state_invalid}. */
    public String code() {
        return code;
    }

    /** The HTTP status used when this error is answered as JSON instead of a redirect. */
    public int httpStatus() {
        return status;
    }

    /** The error for a wire code; empty for anything else (the input may be untrusted). */
    public static Optional<AuthError> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (AuthError e : values()) {
            if (e.code.equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
