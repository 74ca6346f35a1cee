package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.config.ConfigKey;
import dev.lumina.auth.internal.jose.JwtFailures;
import dev.lumina.auth.internal.log.LogMessage;
import dev.lumina.auth.internal.log.LuminaLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Step (7) for OpenID Connect: the checks of OIDC Core 3.1.3.7 on an ID token, with jose4j.
 * <ol>
 * <li>signature with a key of the provider's JWKS, by an algorithm both advertised by the provider and
 * allowed by Lumina ({@link #LIBRARY_ALGORITHMS}: asymmetric only, so never {@code none} and never an HMAC
 * keyed with a public key);</li>
 * <li>{@code iss} = the discovered issuer; {@code aud} contains the client id; with several audiences
 * {@code azp} is required; {@code azp}, when present, is the client id;</li>
 * <li>{@code exp} required and not past, {@code iat} required, not in the future and not older than the sign-in
 * may be, both with the bounded clock skew;</li>
 * <li>{@code nonce} = the nonce sealed in this sign-in's flow cookie; {@code sub} present and not empty;</li>
 * <li>the header's {@code typ}, when present, is {@code JWT} (RFC 8725 section 3.11, explicit typing): an access
 * token ({@code at+jwt}, RFC 9068), a logout token ({@code logout+jwt}) or any other explicitly typed token is no
 * ID token. Compared case-insensitively, with or without the {@code application/} prefix.</li>
 * </ol>
 * Any failure is {@code id_token_invalid}; the message names the checks that failed, never a claim value.
 */
public final class IdTokenValidator {
    /** Algorithms Lumina accepts for ID tokens, whatever a provider advertises. */
    public static final Set<String> LIBRARY_ALGORITHMS = Set.of(
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512);
    /** Longest ID token read; real ones are a few kB. */
    static final int MAX_LENGTH = 16 * 1024;
    private static final LuminaLog LOG = LuminaLog.of(IdTokenValidator.class);

    private final JwksCache jwks;
    private final int skewSeconds;
    private final int maxAgeSeconds;

    /**
     * @param clockSkew   the configured skew (at most 5 minutes)
     * @param flowMaxAge  the longest a sign-in lives: an ID token issued before that is not for this sign-in
     */
    public IdTokenValidator(JwksCache jwks, Duration clockSkew, Duration flowMaxAge) {
        this.jwks = jwks;
        this.skewSeconds = (int) clockSkew.toSeconds();
        this.maxAgeSeconds = (int) flowMaxAge.toSeconds();
    }

    /**
     * The checks every token the provider signs gets (an ID token, a logout token): one of {@code algorithms},
     * verified by the provider's keys, issued by it, for this client. Callers add the checks of their kind.
     */
    static JwtConsumerBuilder signedBy(JwksCache jwks, OidcMetadata provider, Set<String> algorithms, String clientId) {
        jwks.preload(provider.jwksUri());
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT, algorithms.toArray(String[]::new)))
                .setJweAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT))
                .setVerificationKeyResolver((jws, nesting) -> jwks.keyFor(provider.jwksUri(), jws))
                .setExpectedIssuer(true, provider.issuer())
                .setExpectedAudience(true, clientId);
    }

    /** The algorithms accepted for a provider: what it advertises, within what Lumina allows. */
    public static Set<String> allowedFor(Set<String> advertised) {
        Set<String> allowed = new TreeSet<>(advertised);
        allowed.retainAll(LIBRARY_ALGORITHMS);
        return allowed;
    }

    /**
     * The verified claims of the ID token.
     *
     * @throws AuthException {@code id_token_invalid} for any failed check; {@code provider_unavailable} or
     *                       {@code provider_error} when the provider's keys cannot be loaded
     */
    public JwtClaims validate(String idToken, OidcMetadata provider, String providerId, String clientId, String expectedNonce) {
        if (idToken == null || idToken.isEmpty() || idToken.length() > MAX_LENGTH) {
            throw invalid("missing or too long");
        }
        Set<String> algorithms = allowedFor(provider.signingAlgorithms());
        if (algorithms.isEmpty()) {
            throw invalid("the provider advertises no algorithm Lumina allows");
        }
        JwtConsumer consumer = signedBy(jwks, provider, algorithms, clientId)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(skewSeconds)
                // jose4j adds the skew to both bounds itself
                .setIssuedAtRestrictions(0, maxAgeSeconds)
                .build();
        JwtClaims claims;
        String typ;
        try {
            org.jose4j.jwt.consumer.JwtContext context = consumer.process(idToken);
            typ = context.getJoseObjects().isEmpty() ? null : context.getJoseObjects().get(0).getHeader("typ");
            claims = context.getJwtClaims();
        } catch (InvalidJwtException e) {
            noteClockSkew(e, providerId);
            throw invalid(JwtFailures.describe(e));
        } catch (RuntimeException e) {
            throw invalid("unreadable: " + e.getClass().getSimpleName());
        }
        checkType(typ);
        checkAzp(claims, clientId);
        checkNonce(claims, expectedNonce);
        try {
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw invalid("sub empty");
            }
        } catch (MalformedClaimException e) {
            throw invalid("sub malformed");
        }
        return claims;
    }

    /** RFC 8725 section 3.11: an absent {@code typ} or {@code JWT}; never another kind of token. */
    static void checkType(String typ) {
        if (typ == null) {
            return;
        }
        String t = typ.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("application/")) {
            t = t.substring("application/".length());
        }
        if (!t.equals("jwt")) {
            throw invalid(t.endsWith("+jwt") ? "typ names another kind of token" : "typ is not JWT");
        }
    }

    private static void checkAzp(JwtClaims claims, String clientId) {
        try {
            List<String> audiences = claims.getAudience();
            Object azp = claims.getClaimValue("azp");
            if (azp != null && !clientId.equals(azp)) {
                throw invalid("azp is another client");
            }
            if (audiences.size() > 1 && azp == null) {
                throw invalid("several audiences without azp");
            }
        } catch (MalformedClaimException e) {
            throw invalid("aud malformed");
        }
    }

    private static void checkNonce(JwtClaims claims, String expected) {
        Object nonce = claims.getClaimValue("nonce");
        if (!(nonce instanceof String s) || expected == null
                || !MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw invalid(nonce == null ? "nonce missing" : "nonce differs");
        }
    }

    /** S78: a token issued in the future means the clocks differ; say so, with the setting that allows for it. */
    private void noteClockSkew(InvalidJwtException e, String providerId) {
        if (!e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE) && !e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return;
        }
        long ahead = -1;
        try {
            NumericDate iat = e.getJwtContext() == null ? null : e.getJwtContext().getJwtClaims().getIssuedAt();
            if (iat != null) {
                ahead = iat.getValue() - NumericDate.now().getValue();
            }
        } catch (MalformedClaimException ignored) {
            // the log line goes without the figure
        }
        LOG.log(LogMessage.ID_TOKEN_CLOCK_SKEW, providerId, ahead, skewSeconds, ConfigKey.CLOCK_SKEW.key());
    }

    private static AuthException invalid(String why) {
        return new AuthException(AuthError.ID_TOKEN_INVALID, "ID token rejected: " + why);
    }
}
