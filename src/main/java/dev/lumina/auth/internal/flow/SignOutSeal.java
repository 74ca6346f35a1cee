package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyPurpose;
import dev.lumina.auth.internal.session.TokenSyntax;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Seals a sign-out at the provider in progress into the {@code lumina.logout} cookie, like {@link FlowSeal} a
 * sign-in: a JWE ({@code dir} + {@code A256GCM}, its own key {@link KeyPurpose#LOGOUT_STATE}, so a flow cookie
 * never opens as one) with its own {@code exp} ({@code flow.max-age}), holding the provider, the {@code state}
 * sent to its {@code end_session_endpoint} and the validated URL to land on. A value that is missing, tampered,
 * expired or sealed with a removed secret opens as nothing but {@code state_invalid}.
 */
public final class SignOutSeal {
    private final JoseTokens tokens;
    private final Duration maxAge;
    private final Clock clock;

    /** A sign-out at the provider in progress. {@link #toString()} hides the state. */
    public record Pending(String provider, String state, String callbackUrl) {
        @Override
        public String toString() {
            return "Pending[provider=" + provider + ", state=***, callbackUrl=" + callbackUrl + "]";
        }
    }

    public SignOutSeal(JoseTokens tokens, Duration maxAge, Clock clock) {
        this.tokens = tokens;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public String seal(Pending p) {
        Instant now = clock.instant();
        Map<String, Object> claims = JoseTokens.envelope(now, maxAge);
        claims.put("prv", p.provider());
        claims.put("st", p.state());
        claims.put("cb", p.callbackUrl());
        return tokens.seal(claims, KeyPurpose.LOGOUT_STATE);
    }

    /** @throws AuthException {@code state_invalid} for anything but a logout cookie sealed by us and still valid */
    public Pending open(String value) {
        if (value == null || !TokenSyntax.isCompactJwe(value)) {
            throw new AuthException(AuthError.STATE_INVALID, "no logout cookie in the form Lumina writes");
        }
        JwtClaims c = tokens.open(value, KeyPurpose.LOGOUT_STATE, AuthError.STATE_INVALID);
        try {
            String provider = c.getStringClaimValue("prv");
            String state = c.getStringClaimValue("st");
            String callbackUrl = c.getStringClaimValue("cb");
            if (provider == null || state == null || callbackUrl == null) {
                throw new AuthException(AuthError.STATE_INVALID, "logout cookie incomplete");
            }
            return new Pending(provider, state, callbackUrl);
        } catch (MalformedClaimException e) {
            throw new AuthException(AuthError.STATE_INVALID, "logout cookie malformed");
        }
    }
}
