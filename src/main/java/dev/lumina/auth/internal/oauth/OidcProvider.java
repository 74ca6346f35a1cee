package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.AuthError;
import dev.lumina.auth.AuthException;
import dev.lumina.auth.Profile;
import dev.lumina.auth.config.ProviderConfig;
import dev.lumina.auth.config.ProviderType;
import dev.lumina.auth.provider.Google;
import dev.lumina.auth.provider.Oidc;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwt.JwtClaims;

/**
 * OpenID Connect (generic, and Google as a preset): discovery, then (6) the code exchange, (7) the ID
 * token checks and, when configured, userinfo, whose {@code sub} must be the ID token's (S44).
 */
public final class OidcProvider implements OAuthProvider {
    private final ProviderConfig config;
    private final URI issuer;
    private final OidcDiscovery discovery;
    private final IdTokenValidator validator;
    private final TokenClient tokens;
    private final UserInfoClient userinfo;
    private final LogoutTokenValidator logoutTokens;

    OidcProvider(ProviderConfig config, OidcDiscovery discovery, IdTokenValidator validator, TokenClient tokens,
                 UserInfoClient userinfo, LogoutTokenValidator logoutTokens) {
        this.config = config;
        this.issuer = config.issuer().orElse(config.type() == ProviderType.GOOGLE ? Google.ISSUER : null);
        this.discovery = discovery;
        this.validator = validator;
        this.tokens = tokens;
        this.userinfo = userinfo;
        this.logoutTokens = logoutTokens;
    }

    @Override
    public ProviderConfig config() {
        return config;
    }

    private OidcMetadata metadata() {
        return discovery.metadata(config, issuer);
    }

    @Override
    public URI authorizationEndpoint() {
        return metadata().authorizationEndpoint();
    }

    @Override
    public List<String> scopes() {
        if (!config.scopes().isEmpty()) {
            return config.scopes().contains("openid") ? config.scopes()
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("openid"), config.scopes().stream()).toList();
        }
        return config.type() == ProviderType.GOOGLE ? Google.DEFAULT_SCOPES : Oidc.DEFAULT_SCOPES;
    }

    @Override
    public boolean usesNonce() {
        return true;
    }

    @Override
    public Optional<String> issuer() {
        return Optional.of(metadata().issuer());
    }

    @Override
    public boolean requiresIssParameter() {
        return metadata().issParameterSupported();
    }

    @Override
    public Optional<URI> endSessionEndpoint() {
        return Optional.ofNullable(metadata().endSessionEndpoint());
    }

    @Override
    public Profile profile(String code, URI redirectUri, String verifier, String nonce) {
        OidcMetadata m = metadata();
        TokenClient.Client client = new TokenClient.Client(config.clientId(), config.clientSecret().orElse(null), m.prefersSecretInBody());
        // (6)
        TokenResponse response = tokens.exchange(config.id(), m.tokenEndpoint(), client, code, redirectUri, verifier);
        if (response.idToken() == null) {
            throw new AuthException(AuthError.PROVIDER_ERROR, "token answer without id_token from an OpenID Connect provider");
        }
        // (7)
        JwtClaims claims = validator.validate(response.idToken(), m, config.id(), config.clientId(), nonce);
        Map<String, Object> all = new LinkedHashMap<>(claims.getClaimsMap());
        String subject = (String) all.get("sub");
        if (config.useUserinfo()) {
            all.putAll(userinfo(m, response.accessToken(), subject));
        }
        return Profile.builder(config.id(), subject)
                .email(string(all.get("email")))
                .emailVerified(Boolean.TRUE.equals(all.get("email_verified")) || "true".equals(all.get("email_verified")))
                .name(string(all.get("name")))
                .picture(string(all.get("picture")))
                .claims(all)
                .tokens(response.toTokenSet())
                .build();
    }

    @Override
    public TokenResponse refresh(String refreshToken) {
        OidcMetadata m = metadata();
        TokenClient.Client client = new TokenClient.Client(config.clientId(), config.clientSecret().orElse(null), m.prefersSecretInBody());
        return tokens.refresh(config.id(), m.tokenEndpoint(), client, refreshToken);
    }

    /** Back-channel logout: checked against this provider's discovered issuer and keys. */
    @Override
    public LogoutToken logoutToken(String token) {
        return logoutTokens.validate(token, metadata(), config.clientId());
    }

    private Map<String, Object> userinfo(OidcMetadata m, String accessToken, String subject) {
        if (m.userinfoEndpoint() == null) {
            throw UserInfoClient.invalid(config.id(), "use-userinfo is set but the provider has no userinfo endpoint");
        }
        JsonObject info = userinfo.object(config.id(), m.userinfoEndpoint(), accessToken, "application/json");
        if (!(info.get("sub") instanceof JsonString s) || !s.getString().equals(subject)) {
            throw UserInfoClient.invalid(config.id(), "userinfo sub differs from the ID token's");
        }
        Map<String, Object> claims = JsonMaps.toMap(info);
        claims.remove("sub");
        return claims;
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }
}
