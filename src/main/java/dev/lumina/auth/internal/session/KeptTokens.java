package dev.lumina.auth.internal.session;

import java.time.Instant;
import java.util.List;

/**
 * The provider tokens kept for one session, as the tokens cookie seals them. {@link #toString()} redacts the
 * tokens.
 *
 * @param provider     the provider id they came from
 * @param sessionId    the id of the Lumina session they belong to: they never serve another session
 * @param accessToken  the access token
 * @param expiresAt    when the access token expires, or {@code null} when the provider did not say (GitHub OAuth Apps)
 * @param scopes       the granted scopes (the provider's answer, else those asked for)
 * @param refreshToken the refresh token, or {@code null}
 * @param notAfter     when the cookie itself expires: the session's absolute limit
 */
public record KeptTokens(String provider, String sessionId, String accessToken, Instant expiresAt, List<String> scopes,
                         String refreshToken, Instant notAfter) {

    public KeptTokens {
        scopes = List.copyOf(scopes);
    }

    /** These tokens after a refresh: the new access token; the rotated refresh token, else the old one. */
    public KeptTokens refreshed(String newAccessToken, Instant newExpiresAt, List<String> newScopes, String newRefreshToken) {
        return new KeptTokens(provider, sessionId, newAccessToken, newExpiresAt, newScopes.isEmpty() ? scopes : newScopes,
                newRefreshToken != null ? newRefreshToken : refreshToken, notAfter);
    }

    @Override
    public String toString() {
        return "KeptTokens[provider=" + provider + ", accessToken=***, expiresAt=" + expiresAt + ", scopes=" + scopes
                + ", refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
