package dev.lumina.auth.internal.oauth;

import dev.lumina.auth.config.AuthConfig;
import dev.lumina.auth.config.ProviderConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth providers of the configuration, built on first use, one {@link OAuthProvider} per kind, sharing
 * one outbound HTTP client, one discovery cache and one JWKS cache. Adding a kind = one line in
 * {@link #create}.
 */
@ApplicationScoped
public class OAuthProviders {
    @Inject
    AuthConfig config;

    private final Map<String, OAuthProvider> providers = new ConcurrentHashMap<>();
    private OidcDiscovery discovery;
    private JwksCache jwks;
    private IdTokenValidator validator;
    private TokenClient tokens;
    private UserInfoClient userinfo;
    private LogoutTokenValidator logoutTokens;

    @PostConstruct
    void init() {
        Clock clock = Clock.systemUTC();
        OutboundHttp http = OutboundHttp.of(config);
        discovery = new OidcDiscovery(http, clock);
        jwks = new JwksCache(http, config.jwksRefreshCooldown(), config.jwksMaxAge(), clock);
        validator = new IdTokenValidator(jwks, config.clockSkew(), config.flowMaxAge());
        tokens = new TokenClient(http, clock);
        userinfo = new UserInfoClient(http);
        logoutTokens = new LogoutTokenValidator(jwks, config.clockSkew(), clock);
    }

    /** The OAuth provider with that id; empty for unknown ids and for kinds that are not OAuth. */
    public Optional<OAuthProvider> find(String id) {
        return config.provider(id).flatMap(p -> Optional.ofNullable(providers.computeIfAbsent(p.id(), k -> create(p))));
    }

    /** The JWKS cache (tests read its fetch count). */
    public JwksCache jwks() {
        return jwks;
    }

    private OAuthProvider create(ProviderConfig p) {
        return switch (p.type()) {
            case OIDC, GOOGLE -> new OidcProvider(p, discovery, validator, tokens, userinfo, logoutTokens);
            case GITHUB -> new GitHubProvider(p, tokens, userinfo);
            case CREDENTIALS -> null;
        };
    }
}
