package dev.lumina.auth.internal.oauth;

import static dev.lumina.auth.testing.FuzzSupport.check;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.internal.config.ProviderUrls;
import dev.lumina.auth.testing.FuzzSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing of what providers answer, read without network: the discovery document, the token endpoint's JSON,
 * the JWKS, and the {@code Cache-Control} that decides how long keys are kept. Only {@code AuthException} with
 * a provider code may come out.
 */
class ProviderAnswersFuzzTest {
    private static final String ISSUER = "https://idp.example";
    private static final Set<AuthError> PROVIDER_CODES = Set.of(AuthError.PROVIDER_ERROR, AuthError.PROVIDER_UNAVAILABLE);
    private static final TokenClient TOKENS = new TokenClient(null, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @BeforeAll
    static void quiet() {
        FuzzSupport.quiet();
    }

    @AfterAll
    static void loud() {
        FuzzSupport.loud();
    }

    private static HttpReply json(byte[] body) {
        return new HttpReply(200, "application/json", null, body);
    }

    @FuzzTest
    void discoveryDocument(byte[] data) {
        try {
            OidcMetadata m = OidcDiscovery.parse("dev", ISSUER, json(data));
            check(m.issuer().equals(ISSUER), "the configured issuer");
            for (java.net.URI u : new java.net.URI[] {m.authorizationEndpoint(), m.tokenEndpoint(), m.jwksUri()}) {
                check(ProviderUrls.isAllowed(u), "an https (or loopback) endpoint: " + u);
            }
            check(m.userinfoEndpoint() == null || ProviderUrls.isAllowed(m.userinfoEndpoint()), "userinfo too");
            check(!m.signingAlgorithms().isEmpty() && !m.tokenEndpointAuthMethods().isEmpty(), "defaults filled");
            IdTokenValidator.allowedFor(m.signingAlgorithms());
        } catch (AuthException e) {
            check(PROVIDER_CODES.contains(e.error()), "a provider code: " + e.error());
        }
    }

    @FuzzTest
    void tokenAnswer(byte[] data) {
        try {
            TokenResponse t = TOKENS.parse("dev", json(data));
            check(t.accessToken() != null && !t.accessToken().isEmpty(), "an access token");
            t.toTokenSet();
        } catch (AuthException e) {
            check(PROVIDER_CODES.contains(e.error()), "a provider code: " + e.error());
        }
    }

    @FuzzTest
    void jwksAnswer(byte[] data) {
        String[] parts = FuzzSupport.split(data);
        HttpReply reply = new HttpReply(200, "application/json", parts[0], parts[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
        reply.cacheMaxAge().ifPresent(d -> check(!d.isNegative(), "a max-age is never negative"));
        try {
            List<JsonWebKey> keys = JwksCache.keysOf(reply);
            keys.forEach(k -> String.valueOf(k.getKeyId()));
        } catch (AuthException e) {
            check(PROVIDER_CODES.contains(e.error()), "a provider code: " + e.error());
        }
        check(Duration.ZERO.compareTo(reply.cacheMaxAge().orElse(Duration.ZERO)) <= 0, "max-age");
    }
}
