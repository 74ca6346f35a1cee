package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;

/**
 * The library's own tokens (session, flow): issued with smallrye-jwt's builder; read back with the JDK's
 * HMAC and AES-GCM and a strict JSON-P parse ({@link CompactTokens}, {@link ClaimRules}), so that algorithm,
 * key, clock skew and required claims are pinned here rather than left to defaults. Signed tokens are HS256
 * only; sealed tokens are {@code dir} + {@code A256GCM} only; the token's header merely confirms what the code
 * expects. Before any of that, the token must have exactly the syntax Lumina writes ({@link TokenSyntax}).
 */
public final class JoseTokens {
    /** Issuer of every token Lumina makes; a token without it was not made by Lumina. */
    public static final String ISSUER = "lumina";
    /** Longest token accepted: what the most chunks of a cookie hold (web.CookieChunks), so anything longer is not ours. */
    public static final int MAX_TOKEN_LENGTH = 19_000;

    private final KeyRing keys;
    private final int skewSeconds;
    private final ClaimRules rules;

    private final UnknownKeyWarnings unknownKeys;

    public JoseTokens(KeyRing keys, Duration clockSkew) {
        this(keys, clockSkew, Clock.systemUTC());
    }

    /** @param clock judges expiry and paces the warning about unknown key ids ({@link UnknownKeyWarnings}) */
    public JoseTokens(KeyRing keys, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.skewSeconds = (int) clockSkew.toSeconds();
        this.unknownKeys = new UnknownKeyWarnings(clock);
        this.rules = new ClaimRules(ISSUER, skewSeconds, clock);
    }

    /** The clock skew every verification allows. */
    public Duration clockSkew() {
        return Duration.ofSeconds(skewSeconds);
    }

    /** A JWS (HS256) of the claims under the current key of the purpose. */
    public String sign(Map<String, Object> claims, KeyPurpose purpose) {
        KeyRing.Key key = keys.current(purpose);
        return Jwt.claims(claims).jws().keyId(key.kid()).algorithm(SignatureAlgorithm.HS256).sign(key.secretKey());
    }

    /**
     * The claims every short-lived sealed value starts with (a flow, a sign-out at the provider): Lumina as
     * issuer, a fresh {@code jti}, and its own {@code exp}, which bounds it whatever the cookie's Max-Age.
     */
    public static Map<String, Object> envelope(Instant now, Duration maxAge) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("jti", RandomTokens.next(12));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(maxAge).getEpochSecond());
        return claims;
    }

    /** A JWE ({@code dir}, {@code A256GCM}) of the claims under the current key of the purpose. */
    public String seal(Map<String, Object> claims, KeyPurpose purpose) {
        KeyRing.Key key = keys.current(purpose);
        return Jwt.claims(claims).jwe().keyId(key.kid())
                .keyAlgorithm(KeyEncryptionAlgorithm.DIR)
                .contentAlgorithm(ContentEncryptionAlgorithm.A256GCM)
                .encrypt(key.secretKey());
    }

    /**
     * Verifies a JWS made by {@link #sign}: HS256, a known {@code kid}, issuer, and {@code exp} / {@code iat}
     * within the clock skew ({@link CompactTokens}, {@link ClaimRules}).
     *
     * @throws AuthException with {@code failure} for anything else
     */
    public JwtClaims verify(String token, KeyPurpose purpose, AuthError failure) {
        checkLength(token, failure);
        if (!TokenSyntax.isCompactJws(token)) {
            throw new AuthException(failure, "token is not a compact JWS in the form Lumina writes");
        }
        return read(() -> CompactTokens.verifyHs256(token, kid -> key(purpose, kid), failure), failure);
    }

    /** Opens a JWE made by {@link #seal}; the same checks as {@link #verify} apart from the algorithms. */
    public JwtClaims open(String token, KeyPurpose purpose, AuthError failure) {
        checkLength(token, failure);
        if (!TokenSyntax.isCompactJwe(token)) {
            throw new AuthException(failure, "token is not a compact JWE in the form Lumina writes");
        }
        return read(() -> CompactTokens.openDirA256Gcm(token, kid -> key(purpose, kid), failure), failure);
    }

    private JwtClaims read(java.util.function.Supplier<String> payload, AuthError failure) {
        try {
            return rules.check(payload.get(), failure);
        } catch (AuthException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AuthException(failure, "token unreadable: " + e.getClass().getSimpleName());
        }
    }

    private javax.crypto.SecretKey key(KeyPurpose purpose, String kid) {
        java.util.Optional<KeyRing.Key> key = keys.find(purpose, kid);
        if (key.isEmpty()) {
            unknownKeys.note(purpose, kid);
            return null;
        }
        return key.get().secretKey();
    }

    private static void checkLength(String token, AuthError failure) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new AuthException(failure, "token missing or longer than " + MAX_TOKEN_LENGTH);
        }
    }
}
