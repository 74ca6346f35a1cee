package dev.lumina.auth;

import java.time.Instant;

/**
 * The provider's tokens from a sign-in, for the {@link ProfileReceived} observer (to call the provider's
 * API, store a refresh token...). Lumina never puts them in the session cookie; {@link #toString()} redacts
 * them.
 *
 * <pre>{@code
 * event.profile().tokens().ifPresent(t -> vault.store(user, t.refreshToken()));
 * }</pre>
 *
 * @param accessToken  the access token, or {@code null}
 * @param refreshToken the refresh token, or {@code null}
 * @param idToken      the ID token (OpenID Connect), or {@code null}
 * @param expiresAt    when the access token expires, or {@code null} when the provider did not say
 * @param scope        the granted scopes as the provider listed them (space-separated), or {@code null}
 */
public record TokenSet(String accessToken, String refreshToken, String idToken, Instant expiresAt, String scope) {

    /** Tokens without the granted scopes. */
    public TokenSet(String accessToken, String refreshToken, String idToken, Instant expiresAt) {
        this(accessToken, refreshToken, idToken, expiresAt, null);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=" + mask(accessToken) + ", refreshToken=" + mask(refreshToken)
                + ", idToken=" + mask(idToken) + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
    }

    private static String mask(String token) {
        return token == null ? "null" : "***";
    }
}
