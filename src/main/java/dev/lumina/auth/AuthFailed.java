package dev.lumina.auth;

import java.util.Optional;

/**
 * Fired once for every failed sign-in, refused CSRF token and rejected session cookie. Observers log,
 * count or throttle; they cannot change the outcome. It never carries a token, code, password or cookie.
 *
 * <pre>{@code
 * void onFailure(@Observes AuthFailed event) {
 *     log.info(event.error() + " via " + event.provider().orElse("-"));
 * }
 * }</pre>
 *
 * @param error         the stable error code
 * @param provider      the provider id when the failure belongs to one
 * @param reason        the application's reason for {@code access_denied}, or a short internal reason
 * @param clientAddress the caller's address (forwarded headers only when trusted), or {@code null}
 * @param login         credentials sign-in: the submitted login name (the provider's first field that is not a
 *                      password), for throttling per account; never a password; {@code null} otherwise
 * @param cause         the exception behind the failure, for server-side logs only, or {@code null}
 */
public record AuthFailed(AuthError error, String provider, String reason, String clientAddress, String login,
                         Throwable cause) {

    /** A failure that does not belong to a credentials sign-in (no login name). */
    public AuthFailed(AuthError error, String provider, String reason, String clientAddress, Throwable cause) {
        this(error, provider, reason, clientAddress, null, cause);
    }

    public Optional<String> loginName() {
        return Optional.ofNullable(login);
    }

    public Optional<String> providerId() {
        return Optional.ofNullable(provider);
    }

    @Override
    public String toString() {
        return "AuthFailed[error=" + error + ", provider=" + provider + ", reason=" + reason
                + ", clientAddress=" + clientAddress + ", login=" + login + "]";
    }
}
