package dev.lumina.auth.internal.flow;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.Session;
import dev.lumina.auth.TokenSet;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import dev.lumina.auth.internal.oauth.OAuthProvider;
import dev.lumina.auth.internal.session.JoseTokens;
import dev.lumina.auth.internal.session.KeyPurpose;
import dev.lumina.auth.internal.session.RandomTokens;
import dev.lumina.auth.internal.web.AuthRequest;
import dev.lumina.auth.internal.web.CookieNames;
import dev.lumina.auth.internal.web.RequestFacts;
import dev.lumina.auth.internal.web.SetCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * The logout hint: the ID token of an OpenID Connect sign-in, kept for the {@code id_token_hint} of a later
 * sign-out at the provider (RP-Initiated Logout 1.0 section 2). It is not in the session cookie, which every
 * request carries, but in a cookie of its own whose {@code Path} is Lumina's base path: browsers send it to
 * Lumina's endpoints only, so application requests do not pay for it. Sealed ({@code dir} + {@code A256GCM},
 * {@link KeyPurpose#LOGOUT_HINT}), bound to the session it was written with (its id), written only for providers
 * that have an {@code end_session_endpoint}, cleared by every sign-out and replaced or cleared by every sign-in.
 * A hint that is missing, does not open or belongs to another session is no hint: the sign-out then sends
 * {@code client_id} alone.
 */
public final class LogoutHints {
    private static final LuminaLog LOG = LuminaLog.of(LogoutHints.class);
    private final JoseTokens tokens;
    private final Duration maxAge;
    private final Clock clock;

    /** The ID token of a hint and the provider that issued it. {@link #toString()} hides the token. */
    public record Hint(String provider, String idToken) {
        @Override
        public String toString() {
            return "Hint[provider=" + provider + ", idToken=***]";
        }
    }

    /** @param maxAge the longest a session lives ({@code session.absolute-max-age}) */
    public LogoutHints(JoseTokens tokens, Duration maxAge, Clock clock) {
        this.tokens = tokens;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * (9) The {@code Set-Cookie} of a new OAuth sign-in: the hint when the provider has an
     * {@code end_session_endpoint} and gave an ID token, else the header that clears an earlier one.
     */
    public String forSignIn(RequestFacts facts, Session session, OAuthProvider provider, Profile profile) {
        String idToken = profile.tokens().map(TokenSet::idToken).orElse(null);
        try {
            if (idToken == null || session.id() == null || provider.endSessionEndpoint().isEmpty()) {
                return clear(facts);
            }
        } catch (AuthException e) {
            return clear(facts); // discovery unreachable since the callback: no sign-out at the provider either
        }
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", JoseTokens.ISSUER);
        claims.put("jti", RandomTokens.next(12));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(maxAge).getEpochSecond());
        claims.put("prv", provider.config().id());
        claims.put("ses", session.id());
        claims.put("it", idToken);
        String name = CookieNames.LOGOUT_HINT.name(facts.secure());
        try {
            return SetCookie.named(name, CookieNames.LOGOUT_HINT.baseName(), tokens.seal(claims, KeyPurpose.LOGOUT_HINT),
                    maxAge, facts.secure(), facts.endpointsPath());
        } catch (AuthException e) {
            LOG.log(LogMessage.LOGOUT_HINT_TOO_LARGE, provider.config().id(), idToken.length());
            return clear(facts);
        }
    }

    /** The header that clears the hint (every sign-out, and a sign-in that writes none). */
    public String clear(RequestFacts facts) {
        return SetCookie.clear(CookieNames.LOGOUT_HINT.name(facts.secure()), facts.secure(), facts.endpointsPath());
    }

    /** The hint the request carries for {@code session}; empty when there is none that opens and is bound to it. */
    public Optional<Hint> of(AuthRequest request, Session session) {
        Optional<String> value = request.cookie(CookieNames.LOGOUT_HINT);
        if (value.isEmpty() || session.id() == null) {
            return Optional.empty();
        }
        try {
            JwtClaims c = tokens.open(value.get(), KeyPurpose.LOGOUT_HINT, AuthError.SESSION_INVALID);
            String provider = c.getStringClaimValue("prv");
            String idToken = c.getStringClaimValue("it");
            if (provider == null || idToken == null || !session.id().equals(c.getStringClaimValue("ses"))) {
                return Optional.empty();
            }
            return Optional.of(new Hint(provider, idToken));
        } catch (AuthException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
