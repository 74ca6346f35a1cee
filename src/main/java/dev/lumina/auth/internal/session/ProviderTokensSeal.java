package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/**
 * Seals {@link KeptTokens} into the tokens cookie and opens it again: a JWE ({@code dir} + {@code A256GCM}) under
 * the key of {@link KeyPurpose#PROVIDER_TOKENS}, so neither the browser nor anybody who reads the cookie sees a
 * token, and a cookie sealed for another purpose (a session, a flow) does not open here.
 */
public final class ProviderTokensSeal {
    private final JoseTokens tokens;
    private final Clock clock;

    public ProviderTokensSeal(JoseTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String seal(KeptTokens kept) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", JoseTokens.ISSUER);
        claims.put("jti", RandomTokens.next(12));
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("exp", kept.notAfter().getEpochSecond());
        claims.put("sid", kept.sessionId());
        claims.put("prv", kept.provider());
        claims.put("at", kept.accessToken());
        if (kept.expiresAt() != null) {
            claims.put("ate", kept.expiresAt().getEpochSecond());
        }
        if (!kept.scopes().isEmpty()) {
            claims.put("scp", String.join(" ", kept.scopes()));
        }
        if (kept.refreshToken() != null) {
            claims.put("rt", kept.refreshToken());
        }
        return tokens.seal(claims, KeyPurpose.PROVIDER_TOKENS);
    }

    /**
     * The tokens of a cookie value.
     *
     * @throws AuthException {@code session_invalid} when it does not open, is expired or lacks what it must hold
     */
    public KeptTokens open(String cookie) {
        JwtClaims c = tokens.open(cookie, KeyPurpose.PROVIDER_TOKENS, AuthError.SESSION_INVALID);
        try {
            String sid = c.getStringClaimValue("sid");
            String provider = c.getStringClaimValue("prv");
            String accessToken = c.getStringClaimValue("at");
            if (sid == null || provider == null || accessToken == null || accessToken.isEmpty()) {
                throw new AuthException(AuthError.SESSION_INVALID, "tokens cookie without session, provider or access token");
            }
            Long ate = c.getClaimValue("ate", Long.class);
            String scp = c.getStringClaimValue("scp");
            List<String> scopes = scp == null ? List.of() : Arrays.stream(scp.split(" ")).filter(s -> !s.isEmpty()).toList();
            return new KeptTokens(provider, sid, accessToken, ate == null ? null : Instant.ofEpochSecond(ate), scopes,
                    c.getStringClaimValue("rt"), Instant.ofEpochSecond(c.getExpirationTime().getValue()));
        } catch (MalformedClaimException | ClassCastException | java.time.DateTimeException e) {
            throw new AuthException(AuthError.SESSION_INVALID, "tokens cookie with malformed claims");
        }
    }
}
