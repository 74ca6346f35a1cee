package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.TokenSet;
import java.time.Instant;

/**
 * A successful token endpoint answer (RFC 6749 section 5.1). {@link #toString()} redacts the tokens.
 *
 * @param accessToken  the access token
 * @param refreshToken the refresh token, or {@code null}
 * @param idToken      the ID token, or {@code null}
 * @param expiresAt    when the access token expires, or {@code null}
 * @param scope        the granted scopes as the provider lists them, or {@code null}
 */
public record TokenResponse(String accessToken, String refreshToken, String idToken, Instant expiresAt, String scope) {

    public TokenSet toTokenSet() {
        return new TokenSet(accessToken, refreshToken, idToken, expiresAt, scope);
    }

    @Override
    public String toString() {
        return "TokenResponse[" + toTokenSet() + "]";
    }
}
