package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyPurpose;
import dev.lumina.auth.internal.session.TokenSyntax;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Seals a {@link FlowState} into the flow cookie's value and opens it again: a JWE ({@code dir} +
 * {@code A256GCM}, the flow key derived from the secrets) whose own {@code exp} bounds the sign-in, whatever
 * the cookie's {@code Max-Age} (S19). A value that is missing, tampered, expired or sealed with a removed
 * secret opens as nothing but {@code state_invalid} (S18, S85).
 */
public final class FlowSeal {
    private final JoseTokens tokens;
    private final Duration maxAge;
    private final Clock clock;

    public FlowSeal(JoseTokens tokens, Duration maxAge, Clock clock) {
        this.tokens = tokens;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public String seal(FlowState s) {
        Instant now = clock.instant();
        Map<String, Object> claims = JoseTokens.envelope(now, maxAge);
        claims.put("t", now.toEpochMilli()); // the start, in ms: which of a browser's flows is the oldest
        claims.put("prv", s.provider());
        claims.put("st", s.state());
        claims.put("cv", s.verifier());
        if (s.nonce() != null) {
            claims.put("n", s.nonce());
        }
        claims.put("cb", s.callbackUrl());
        claims.put("eu", s.errorUrl());
        claims.put("ru", s.redirectUri().toString());
        return tokens.seal(claims, KeyPurpose.FLOW);
    }

    /**
     * When the sign-in of a flow cookie started (epoch milliseconds); empty when the value is not a valid flow
     * cookie (tampered, expired, sealed with a removed secret).
     */
    public OptionalLong startedAt(String value) {
        if (value == null || !TokenSyntax.isCompactJwe(value)) {
            return OptionalLong.empty();
        }
        try {
            JwtClaims c = tokens.open(value, KeyPurpose.FLOW, AuthError.STATE_INVALID);
            Object t = c.getClaimValue("t");
            return t instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.of(c.getIssuedAt().getValueInMillis());
        } catch (AuthException | MalformedClaimException e) {
            return OptionalLong.empty();
        }
    }

    /** @throws AuthException {@code state_invalid} for anything but a flow cookie sealed by us and still valid */
    public FlowState open(String value) {
        if (value == null || value.isEmpty()) {
            throw new AuthException(AuthError.STATE_INVALID, "no flow cookie");
        }
        if (!TokenSyntax.isCompactJwe(value)) {
            // only the exact form we write: no padding, no other alphabet (S18)
            throw new AuthException(AuthError.STATE_INVALID, "flow cookie is not a compact JWE");
        }
        JwtClaims c = tokens.open(value, KeyPurpose.FLOW, AuthError.STATE_INVALID);
        try {
            String provider = c.getStringClaimValue("prv");
            String state = c.getStringClaimValue("st");
            String verifier = c.getStringClaimValue("cv");
            String redirectUri = c.getStringClaimValue("ru");
            if (provider == null || state == null || verifier == null || redirectUri == null) {
                throw new AuthException(AuthError.STATE_INVALID, "flow cookie incomplete");
            }
            return new FlowState(provider, state, verifier, c.getStringClaimValue("n"), c.getStringClaimValue("cb"),
                    c.getStringClaimValue("eu"), URI.create(redirectUri));
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw new AuthException(AuthError.STATE_INVALID, "flow cookie malformed");
        }
    }
}
