package dev.lumina.auth.internal.oauth;

import java.time.Instant;

/**
 * A verified back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.4): whom it signs
 * out, and what is needed to refuse its replay.
 *
 * @param sid       the provider's session id, or {@code null}
 * @param sub       the provider's subject, or {@code null} (never both null)
 * @param jti       its unique id
 * @param replayableUntil until when a copy of it would still be accepted (so its {@code jti} must be kept)
 */
public record LogoutToken(String sid, String sub, String jti, Instant replayableUntil) {
}
