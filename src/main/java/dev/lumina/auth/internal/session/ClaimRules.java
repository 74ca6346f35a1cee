package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.jose.JwtFailures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.ErrorCodes;

/**
 * The claim checks of Lumina's own tokens, as {@link JoseTokens} had configured jose4j's consumer: {@code iss}
 * is {@code lumina}; {@code exp}, {@code iat} and {@code jti} are present; at the evaluation time (whole seconds)
 * minus the skew the token has not expired; {@code nbf}, when present, is not ahead of it plus the skew; {@code iat}
 * is not in the future beyond the skew; {@code exp} not before {@code iat} or {@code nbf}; {@code sub}, when
 * present, is a string. Every failed check is named, in jose4j's order (issuer, times, subject, id).
 */
final class ClaimRules {
    private final String issuer;
    private final long skew;
    private final Clock clock;

    ClaimRules(String issuer, long skewSeconds, Clock clock) {
        this.issuer = issuer;
        this.skew = skewSeconds;
        this.clock = clock;
    }

    /** The claims of a verified payload, if they pass every check. */
    JwtClaims check(String payload, AuthError failure) {
        Map<String, Object> claims = StrictJson.toMap(StrictJson.object(payload, failure), failure);
        List<Integer> failed = new ArrayList<>(1);
        Object iss = claims.get("iss");
        if (iss == null) {
            failed.add(ErrorCodes.ISSUER_MISSING);
        } else if (!(iss instanceof String)) {
            failed.add(ErrorCodes.MALFORMED_CLAIM);
        } else if (!iss.equals(issuer)) {
            failed.add(ErrorCodes.ISSUER_INVALID);
        }
        try {
            int times = times(claims);
            if (times != 0) {
                failed.add(times);
            }
        } catch (ClassCastException e) {
            failed.add(ErrorCodes.MALFORMED_CLAIM);
        }
        if (claims.get("sub") != null && !(claims.get("sub") instanceof String)) {
            failed.add(ErrorCodes.MALFORMED_CLAIM);
        }
        Object jti = claims.get("jti");
        if (jti == null) {
            failed.add(ErrorCodes.JWT_ID_MISSING);
        } else if (!(jti instanceof String)) {
            failed.add(ErrorCodes.MALFORMED_CLAIM);
        }
        if (!failed.isEmpty()) {
            throw new AuthException(failure, "token rejected: "
                    + failed.stream().map(JwtFailures::name).distinct().collect(Collectors.joining(",")));
        }
        JwtClaims jwt = new JwtClaims();
        claims.forEach(jwt::setClaim);
        return jwt;
    }

    /** The first failed time check, or 0; exact arithmetic, so a time at the end of the range fails, never wraps. */
    private int times(Map<String, Object> claims) {
        Long exp = seconds(claims.get("exp"));
        Long iat = seconds(claims.get("iat"));
        Long nbf = seconds(claims.get("nbf"));
        if (exp == null) {
            return ErrorCodes.EXPIRATION_MISSING;
        }
        if (iat == null) {
            return ErrorCodes.ISSUED_AT_MISSING;
        }
        long now = Math.floorDiv(clock.millis(), 1000L);
        try {
            if (Math.subtractExact(now, skew) >= exp) {
                return ErrorCodes.EXPIRED;
            }
            if (exp < iat || (nbf != null && exp < nbf)) {
                return ErrorCodes.MISCELLANEOUS;
            }
            if (nbf != null && Math.addExact(now, skew) < nbf) {
                return ErrorCodes.NOT_YET_VALID;
            }
            if (Math.subtractExact(Math.subtractExact(iat, now), skew) > 0) {
                return ErrorCodes.ISSUED_AT_INVALID_FUTURE;
            }
            if (Math.subtractExact(Math.subtractExact(now, iat), skew) > Integer.MAX_VALUE) {
                return ErrorCodes.ISSUED_AT_INVALID_PAST;
            }
            return 0;
        } catch (ArithmeticException e) {
            return ErrorCodes.MALFORMED_CLAIM;
        }
    }

    /** A NumericDate as jose4j reads it: any JSON number, its fraction dropped. */
    private static Long seconds(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
