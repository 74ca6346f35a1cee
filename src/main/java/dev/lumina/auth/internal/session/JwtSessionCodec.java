package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Session;
import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.spi.SessionCodec;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;

/**
 * The default {@link SessionCodec}: the session as a JWT, signed (HS256) or sealed ({@code dir} +
 * {@code A256GCM}) with the session key of the {@link KeyRing}.
 */
@Singleton
public class JwtSessionCodec implements SessionCodec {
    /** The largest {@code lumina.auth.clock-skew}: how far {@code auth_time} may seem to follow {@code iat}. */
    private static final java.time.Duration MAX_CLOCK_DRIFT = java.time.Duration.ofMinutes(5);
    private final JoseTokens tokens;
    private final boolean encrypt;
    private final VerifiedSessions verified;

    @Inject
    public JwtSessionCodec(JoseTokens tokens, AuthConfig config) {
        this(tokens, config.sessionEncrypt());
    }

    public JwtSessionCodec(JoseTokens tokens, boolean encrypt) {
        this(tokens, encrypt, VerifiedSessions.CAPACITY, Clock.systemUTC());
    }

    /** @param cacheCapacity verified tokens kept (0: every decode verifies); {@code clock} judges their expiry */
    public JwtSessionCodec(JoseTokens tokens, boolean encrypt, int cacheCapacity, Clock clock) {
        this.tokens = tokens;
        this.encrypt = encrypt;
        this.verified = new VerifiedSessions(cacheCapacity, tokens.clockSkew(), clock);
    }

    @Override
    public String encode(Session session) {
        if (!session.isAuthenticated() || session.expiresAt() == null || session.issuedAt() == null || session.id() == null) {
            throw new IllegalArgumentException("only a complete session (subject, id, iat, exp) can be encoded");
        }
        Map<String, Object> claims = new LinkedHashMap<>(session.claims());
        claims.put("iss", JoseTokens.ISSUER);
        claims.put("sub", session.subject());
        claims.put("jti", session.id());
        claims.put("iat", session.issuedAt().getEpochSecond());
        claims.put("exp", session.expiresAt().getEpochSecond());
        Instant authTime = session.authenticatedAt() != null ? session.authenticatedAt() : session.issuedAt();
        claims.put("auth_time", authTime.getEpochSecond());
        putIfPresent(claims, "provider", session.provider());
        putIfPresent(claims, "email", session.email());
        putIfPresent(claims, "name", session.name());
        putIfPresent(claims, "picture", session.picture());
        // for back-channel logout: the provider's subject and session id, under short reserved names
        putIfPresent(claims, "psub", session.providerSubject());
        putIfPresent(claims, "psid", session.providerSessionId());
        if (!session.roles().isEmpty()) {
            claims.put("roles", new ArrayList<>(session.roles()));
        }
        return encrypt ? tokens.seal(claims, KeyPurpose.SESSION_ENCRYPTION) : tokens.sign(claims, KeyPurpose.SESSION_SIGNING);
    }

    /** A token seen before costs a lookup ({@link VerifiedSessions} says why that is safe); any other is verified. */
    @Override
    public Session decode(String token) {
        Session known = token == null ? null : verified.get(token);
        if (known != null) {
            return known;
        }
        Session session = verify(token);
        verified.put(token, session);
        return session;
    }

    /** How many verified tokens are kept (for tests and figures). */
    public int verifiedTokens() {
        return verified.size();
    }

    /** How many verified tokens are kept at most. */
    public int verifiedTokensCapacity() {
        return verified.capacity();
    }

    private Session verify(String token) {
        JwtClaims jwt = encrypt
                ? tokens.open(token, KeyPurpose.SESSION_ENCRYPTION, AuthError.SESSION_INVALID)
                : tokens.verify(token, KeyPurpose.SESSION_SIGNING, AuthError.SESSION_INVALID);
        try {
            Session.Builder b = Session.builder()
                    .id(jwt.getJwtId())
                    .subject(jwt.getSubject())
                    .provider(jwt.getClaimValue("provider", String.class))
                    .email(jwt.getClaimValue("email", String.class))
                    .name(jwt.getClaimValue("name", String.class))
                    .picture(jwt.getClaimValue("picture", String.class))
                    .providerSubject(jwt.getClaimValue("psub", String.class))
                    .providerSessionId(jwt.getClaimValue("psid", String.class))
                    .issuedAt(instant(jwt.getIssuedAt()))
                    .expiresAt(instant(jwt.getExpirationTime()));
            Long authTime = jwt.getClaimValue("auth_time", Long.class);
            Instant issuedAt = instant(jwt.getIssuedAt());
            Instant authenticatedAt = authTime == null ? issuedAt : Instant.ofEpochSecond(authTime);
            if (issuedAt != null && authenticatedAt.isAfter(issuedAt.plus(MAX_CLOCK_DRIFT))) {
                // a sign-in after the token's issue would stretch the absolute lifetime without end (nodes may
                // drift apart by the largest allowed clock skew: a renewal on a node behind stays valid)
                throw new AuthException(AuthError.SESSION_INVALID, "session token authenticated after its issue");
            }
            b.authenticatedAt(authenticatedAt);
            if (jwt.hasClaim("roles")) {
                b.roles(jwt.getStringListClaimValue("roles"));
            }
            for (Map.Entry<String, Object> e : jwt.getClaimsMap(Session.RESERVED_CLAIMS).entrySet()) {
                b.claim(e.getKey(), e.getValue());
            }
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                throw new AuthException(AuthError.SESSION_INVALID, "session token without subject");
            }
            return b.build();
        } catch (MalformedClaimException | IllegalArgumentException | ClassCastException e) {
            throw new AuthException(AuthError.SESSION_INVALID, "session token with malformed claims");
        } catch (java.time.DateTimeException | ArithmeticException e) {
            // found by fuzzing (CookieTokensFuzzTest): an exp, iat or auth_time beyond the range of Instant
            throw new AuthException(AuthError.SESSION_INVALID, "session token with a time out of range");
        }
    }

    private static Instant instant(NumericDate date) {
        return date == null ? null : Instant.ofEpochSecond(date.getValue());
    }

    private static void putIfPresent(Map<String, Object> claims, String name, Object value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

}
