package dev.lumina.auth.internal.session;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.jose.JwtFailures;
import io.smallrye.jwt.algorithm.ContentEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.KeyEncryptionAlgorithm;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The library's own tokens (session, flow): issued with smallrye-jwt's builder, verified with jose4j (the
 * engine under smallrye-jwt) so that algorithm, key, clock skew and required claims are pinned here rather
 * than left to defaults. Signed tokens are HS256 only; sealed tokens are {@code dir} + {@code A256GCM}
 * only; the token's header merely confirms what the code expects. Before any of that, the token must have
 * exactly the syntax Lumina writes ({@link TokenSyntax}).
 */
public final class JoseTokens {
    /** Issuer of every token Lumina makes; a token without it was not made by Lumina. */
    public static final String ISSUER = "lumina";
    /** Longest token accepted: what the most chunks of a cookie hold (web.CookieChunks), so anything longer is not ours. */
    public static final int MAX_TOKEN_LENGTH = 19_000;

    private static final AlgorithmConstraints ONLY_HS256 =
            new AlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256);
    private static final AlgorithmConstraints ONLY_DIR =
            new AlgorithmConstraints(ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT);
    private static final AlgorithmConstraints ONLY_A256GCM =
            new AlgorithmConstraints(ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
    private static final AlgorithmConstraints NONE_PERMITTED = new AlgorithmConstraints(ConstraintType.PERMIT);

    private final KeyRing keys;
    private final int skewSeconds;
    private final Map<KeyPurpose, JwtConsumer> verifiers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<KeyPurpose, JwtConsumer> openers = new java.util.concurrent.ConcurrentHashMap<>();

    private final UnknownKeyWarnings unknownKeys;

    public JoseTokens(KeyRing keys, Duration clockSkew) {
        this(keys, clockSkew, Clock.systemUTC());
    }

    /** @param clock paces the warning about unknown key ids ({@link UnknownKeyWarnings}) */
    public JoseTokens(KeyRing keys, Duration clockSkew, Clock clock) {
        this.keys = keys;
        this.skewSeconds = (int) clockSkew.toSeconds();
        this.unknownKeys = new UnknownKeyWarnings(clock);
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
     * within the clock skew.
     *
     * @throws AuthException with {@code failure} for anything else
     */
    public JwtClaims verify(String token, KeyPurpose purpose, AuthError failure) {
        if (token != null && token.length() <= MAX_TOKEN_LENGTH && !TokenSyntax.isCompactJws(token)) {
            throw new AuthException(failure, "token is not a compact JWS in the form Lumina writes");
        }
        return process(verifiers.computeIfAbsent(purpose, this::verifier), token, failure);
    }

    /** Opens a JWE made by {@link #seal}; the same checks as {@link #verify} apart from the algorithms. */
    public JwtClaims open(String token, KeyPurpose purpose, AuthError failure) {
        if (token != null && token.length() <= MAX_TOKEN_LENGTH && !TokenSyntax.isCompactJwe(token)) {
            throw new AuthException(failure, "token is not a compact JWE in the form Lumina writes");
        }
        return process(openers.computeIfAbsent(purpose, this::opener), token, failure);
    }

    // consumers are immutable and thread-safe: built once per purpose, not per request
    private JwtConsumer verifier(KeyPurpose purpose) {
        return base()
                .setJwsAlgorithmConstraints(ONLY_HS256)
                .setJweAlgorithmConstraints(NONE_PERMITTED)
                .setVerificationKeyResolver((jws, nesting) -> key(purpose, jws.getKeyIdHeaderValue()))
                .build();
    }

    private JwtConsumer opener(KeyPurpose purpose) {
        return base()
                .setDisableRequireSignature()
                .setEnableRequireEncryption()
                .setJwsAlgorithmConstraints(NONE_PERMITTED)
                .setJweAlgorithmConstraints(ONLY_DIR)
                .setJweContentEncryptionAlgorithmConstraints(ONLY_A256GCM)
                .setDecryptionKeyResolver((jwe, nesting) -> key(purpose, jwe.getKeyIdHeaderValue()))
                .build();
    }

    private java.security.Key key(KeyPurpose purpose, String kid) throws UnresolvableKeyException {
        java.util.Optional<KeyRing.Key> key = keys.find(purpose, kid);
        if (key.isEmpty()) {
            unknownKeys.note(purpose, kid);
            throw new UnresolvableKeyException("unknown kid");
        }
        return key.get().secretKey();
    }

    private JwtConsumerBuilder base() {
        return new JwtConsumerBuilder()
                .setExpectedIssuer(ISSUER)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(skewSeconds)
                .setIssuedAtRestrictions(0, Integer.MAX_VALUE) // jose4j adds the clock skew to both bounds itself
                .setSkipDefaultAudienceValidation();
    }

    private static JwtClaims process(JwtConsumer consumer, String token, AuthError failure) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new AuthException(failure, "token missing or longer than " + MAX_TOKEN_LENGTH);
        }
        try {
            return consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            // jose4j's message can quote claims; keep only the names of the failed checks
            throw new AuthException(failure, "token rejected: " + JwtFailures.describe(e));
        } catch (RuntimeException e) {
            throw new AuthException(failure, "token unreadable: " + e.getClass().getSimpleName());
        }
    }
}
