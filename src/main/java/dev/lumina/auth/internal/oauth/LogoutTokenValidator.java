package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.jose.JwtFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * The checks of OpenID Connect Back-Channel Logout 1.0, section 2.6, on a logout token, with jose4j and the
 * provider's keys (the JWKS cache of its ID tokens):
 * <ol>
 * <li>signed (never encrypted, never {@code alg: none}) with a key of the provider's JWKS, by an algorithm the
 *     provider advertises for ID tokens and Lumina allows ({@link IdTokenValidator#LIBRARY_ALGORITHMS}, asymmetric
 *     only: an HS256 token keyed with the client secret is refused);</li>
 * <li>{@code iss} = the provider's issuer, {@code aud} contains the client id;</li>
 * <li>{@code iat} present, not in the future and at most {@link #MAX_AGE} old, both with the clock skew;
 *     {@code exp}, when present, not past;</li>
 * <li>{@code jti} present (its replay is refused by the caller, which keeps it);</li>
 * <li>{@code events} holds the member {@value #EVENT} with a JSON object as value;</li>
 * <li>{@code sid} and/or {@code sub} present (strings, not empty); {@code nonce} absent;</li>
 * <li>the header's {@code typ}, when present, is {@code logout+jwt} (so an ID token is never a logout token).</li>
 * </ol>
 * Any failure throws {@link AuthException} naming the check, never a claim value.
 */
public final class LogoutTokenValidator {
    /** The back-channel logout event (section 2.4). */
    public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How old a logout token may be: a provider sends it at once, and its jti is kept only this long. */
    public static final Duration MAX_AGE = Duration.ofMinutes(2);
    private static final int MAX_LENGTH = 16 * 1024;

    private final JwksCache jwks;
    private final Duration skew;
    private final Clock clock;

    public LogoutTokenValidator(JwksCache jwks, Duration skew, Clock clock) {
        this.jwks = jwks;
        this.skew = skew;
        this.clock = clock;
    }

    /** The verified token; {@link AuthException} for any failed check. */
    public LogoutToken validate(String token, OidcMetadata provider, String clientId) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw invalid("missing or too long");
        }
        Set<String> algorithms = IdTokenValidator.allowedFor(provider.signingAlgorithms());
        if (algorithms.isEmpty()) {
            throw invalid("the provider advertises no algorithm Lumina allows");
        }
        JwtConsumer consumer = IdTokenValidator.signedBy(jwks, provider, algorithms, clientId)
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) skew.toSeconds())
                .setIssuedAtRestrictions(0, (int) MAX_AGE.toSeconds())
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromMilliseconds(clock.millis()))
                .build();
        JwtContext context;
        try {
            context = consumer.process(token);
        } catch (InvalidJwtException e) {
            throw invalid(JwtFailures.describe(e));
        } catch (RuntimeException e) {
            throw invalid("unreadable: " + e.getClass().getSimpleName());
        }
        checkType(context.getJoseObjects().isEmpty() ? null : context.getJoseObjects().get(0).getHeader("typ"));
        return claims(context.getJwtClaims());
    }

    private LogoutToken claims(JwtClaims claims) {
        if (!(claims.getClaimValue("events") instanceof Map<?, ?> events)) {
            throw invalid("events missing or not an object");
        }
        if (!(events.get(EVENT) instanceof Map<?, ?>)) {
            throw invalid("events lacks the back-channel logout event with an object value");
        }
        if (claims.hasClaim("nonce")) {
            throw invalid("nonce present");
        }
        String sid = text(claims, "sid");
        String sub = text(claims, "sub");
        if (sid == null && sub == null) {
            throw invalid("neither sid nor sub");
        }
        try {
            Instant iat = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Instant until = iat.plus(MAX_AGE).plus(skew).plus(skew);
            if (claims.getExpirationTime() != null) {
                Instant exp = Instant.ofEpochSecond(claims.getExpirationTime().getValue()).plus(skew);
                until = exp.isBefore(until) ? exp : until;
            }
            return new LogoutToken(sid, sub, claims.getJwtId(), until);
        } catch (MalformedClaimException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid("iat, exp or jti malformed");
        }
    }

    /** A claim that must be a non-empty string when present; {@code null} when absent. */
    private static String text(JwtClaims claims, String name) {
        Object v = claims.getClaimValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || s.isEmpty()) {
            throw invalid(name + " is not a string");
        }
        return s;
    }

    /** Section 2.4 and RFC 8725 section 3.11: an absent {@code typ}, or {@code logout+jwt}. */
    static void checkType(String typ) {
        if (typ == null) {
            return;
        }
        String t = typ.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("application/")) {
            t = t.substring("application/".length());
        }
        if (!t.equals("logout+jwt")) {
            throw invalid("typ is not logout+jwt");
        }
    }

    private static AuthException invalid(String why) {
        return new AuthException(AuthError.ID_TOKEN_INVALID, "logout token rejected: " + why);
    }
}
